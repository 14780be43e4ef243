package dev.ferry.source.debezium;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The task file's {@code migration-type}. */
public enum MigrationType {
    /** Load every selected table, then stop. */
    FULL_LOAD("full-load"),
    /** Stream changes from now on; load nothing. */
    CDC("cdc"),
    /** Load every selected table while streaming, then keep streaming. */
    FULL_LOAD_AND_CDC("full-load-and-cdc");

    private final String id;

    MigrationType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when the task loads existing rows (a snapshot is needed). */
    public boolean loadsExistingRows() {
        return this != CDC;
    }

    /** Parses a task-file value; an unknown one is an error listing the allowed values. */
    public static MigrationType of(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (MigrationType t : values()) {
            if (t.id.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown migration type '" + value + "'; allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(MigrationType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
