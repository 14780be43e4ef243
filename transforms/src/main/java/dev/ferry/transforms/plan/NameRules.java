package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.TransformationRule;

import java.util.Locale;

/**
 * Applies a naming rule to a source name (brief section 4): a name a rule writes is kept exactly as written;
 * the part of the name that comes from the source follows {@code identifier-case}, applied before the rule adds
 * its text. Prefix and suffix tests are case-sensitive, as DMS documents for transformation rules.
 */
final class NameRules {
    private NameRules() {
    }

    static String apply(String source, TransformationRule rule, IdentifierCase identifierCase) {
        if (rule == null) {
            return identifierCase.apply(source);
        }
        String value = rule.value();
        String old = rule.oldValue();
        return switch (rule.action()) {
            case RENAME -> value;
            case CONVERT_LOWERCASE -> source.toLowerCase(Locale.ROOT);
            case CONVERT_UPPERCASE -> source.toUpperCase(Locale.ROOT);
            case ADD_PREFIX -> value + identifierCase.apply(source);
            case ADD_SUFFIX -> identifierCase.apply(source) + value;
            case REMOVE_PREFIX -> identifierCase.apply(source.startsWith(value)
                    ? source.substring(value.length()) : source);
            case REMOVE_SUFFIX -> identifierCase.apply(source.endsWith(value)
                    ? source.substring(0, source.length() - value.length()) : source);
            case REPLACE_PREFIX -> source.startsWith(old)
                    ? value + identifierCase.apply(source.substring(old.length())) : identifierCase.apply(source);
            case REPLACE_SUFFIX -> source.endsWith(old)
                    ? identifierCase.apply(source.substring(0, source.length() - old.length())) + value
                    : identifierCase.apply(source);
            default -> throw new IllegalArgumentException("not a naming rule: " + rule.action().dmsName());
        };
    }
}
