package dev.ferry.transforms.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code settings.identifier-case}: how names that no rule set are written in the target (brief section 4). */
public enum IdentifierCase {
    /** Lower-case every name no rule set (the default, natural for PostgreSQL targets). */
    LOWER,
    /** Keep source names as they are. */
    PRESERVE;

    public String apply(String name) {
        return this == LOWER ? name.toLowerCase(Locale.ROOT) : name;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code lower} or {@code preserve}; anything else is an error listing the allowed values. */
    public static IdentifierCase parse(String value) {
        for (IdentifierCase c : values()) {
            if (c.configName().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown identifier-case '" + value + "'; allowed values: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(IdentifierCase::configName).collect(Collectors.joining(", "));
    }
}
