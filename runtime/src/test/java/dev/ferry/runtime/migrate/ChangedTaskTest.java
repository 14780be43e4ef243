package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.runtime.cli.CliRunner;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.runtime.task.TaskFileParser;

/** A task whose source, target, type or mapping changed since its first start is refused before anything runs. */
class ChangedTaskTest {
    @TempDir
    Path dir;

    private Path write(String table) throws Exception {
        Path f = dir.resolve("task.yaml");
        Files.writeString(f, """
                name: shop
                migration-type: full-load
                source: {engine: mariadb, host: 127.0.0.1, port: 1, username: u, password: p}
                target: {engine: postgres, host: 127.0.0.1, port: 1, username: u, password: p, database: t}
                table-mappings:
                  rules:
                    - {rule-type: selection, rule-id: "1", rule-name: "1", object-locator: {schema-name: shop, table-name: "%s"}, rule-action: include}
                """.formatted(table));
        return f;
    }

    @Test
    void aChangedMappingIsExitTwoNamingTheChangeAndTheWayOut() throws Exception {
        TaskFile first = new TaskFileParser().parse(write("orders"));
        Files.createDirectories(first.dataDir());
        Fingerprint.of(first).write(first.dataDir().resolve("task.json"));

        Path changed = write("%");
        var r = CliRunner.run("migrate", "-c", changed.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("ferry: task shop changed since its first "
                + "start (table-mappings); undo the change, or run again with --restart to start over (every table is "
                + "loaded again)");
    }

    @Test
    void fingerprintsIgnoreFormattingOfTheMappingAndNameEveryChangedPart() throws Exception {
        Fingerprint a = Fingerprint.of(new TaskFileParser().parse(write("orders")));
        Fingerprint b = Fingerprint.of(new TaskFileParser().parse(write("orders")));
        assertThat(b.changedSince(a)).isEmpty();
        Fingerprint c = Fingerprint.of(new TaskFileParser().parse(write("items")));
        assertThat(c.changedSince(a)).containsExactly("table-mappings");
    }
}
