package dev.ferry.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ferry.testkit.TestDatabase;

/** Writes task files for tests: passwords go to a secrets file next to it and are referenced as ${file:...}. */
public final class TaskFiles {
    private TaskFiles() {
    }

    public static Path write(Path dir, String name, String migrationType, TestDatabase source, boolean replicationUser,
                             TestDatabase target, String mappingsJson, String extraYaml) {
        try {
            Files.createDirectories(dir);
            String sourceUser = replicationUser ? source.replicationUser() : source.user();
            String sourcePw = replicationUser ? source.replicationPassword() : source.password();
            Files.writeString(dir.resolve("secrets.properties"), "source=" + sourcePw + "\ntarget=" + target.password()
                    + "\n");
            String yaml = "name: " + name + "\n"
                    + "migration-type: " + migrationType + "\n"
                    + endpoint("source", source, sourceUser)
                    + endpoint("target", target, target.user())
                    + "table-mappings: " + mappingsJson + "\n"
                    + extraYaml;
            Path file = dir.resolve("task.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String endpoint(String role, TestDatabase db, String user) {
        return role + ":\n"
                + "  engine: " + db.engine() + "\n"
                + "  host: " + db.host() + "\n"
                + "  port: " + db.port() + "\n"
                + "  username: " + user + "\n"
                + "  password: ${file:secrets.properties:" + role + "}\n"
                + "  database: " + db.name() + "\n";
    }

    /** A DMS document including every table of one schema. */
    public static String includeAll(String schema) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
                + "\"object-locator\":{\"schema-name\":\"" + schema + "\",\"table-name\":\"%\"},"
                + "\"rule-action\":\"include\"}]}";
    }
}
