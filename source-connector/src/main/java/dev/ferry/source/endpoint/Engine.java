package dev.ferry.source.endpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The database engines Ferry reads from and writes to. */
public enum Engine {
    MYSQL("mysql", 3306),
    MARIADB("mariadb", 3306),
    POSTGRES("postgres", 5432);

    private final String id;
    private final int defaultPort;

    Engine(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The name used in task files: {@code mysql}, {@code mariadb} or {@code postgres}. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean isMySqlFamily() {
        return this != POSTGRES;
    }

    /** Parses a task-file value; an unknown one is an error listing the allowed values. */
    public static Engine of(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Engine e : values()) {
            if (e.id.equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + value + "'; allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
