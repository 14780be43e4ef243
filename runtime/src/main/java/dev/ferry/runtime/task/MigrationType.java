package dev.ferry.runtime.task;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a task does, as in DMS. */
public enum MigrationType {
    FULL_LOAD("full-load"),
    CDC("cdc"),
    FULL_LOAD_AND_CDC("full-load-and-cdc");

    private final String id;

    MigrationType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean loads() {
        return this != CDC;
    }

    public boolean streams() {
        return this != FULL_LOAD;
    }

    static MigrationType of(String value) {
        for (MigrationType t : values()) {
            if (t.id.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("allowed values: " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(MigrationType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
