package dev.ferry.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.runtime.TaskFiles;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class EndpointCommandsTest {
    @TempDir
    Path dir;

    private final MariaDbDatabase source;
    private final PostgresDatabase target;

    EndpointCommandsTest(MariaDbDatabase source, PostgresDatabase target) {
        this.source = source;
        this.target = target;
    }

    @BeforeAll
    static void tables(MariaDbDatabase source) {
        source.execute("CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2))", "CREATE TABLE notes (t TEXT)");
    }

    private Path task() {
        return TaskFiles.write(dir, "conn-check", "full-load", source, true, target,
                TaskFiles.includeAll(source.name()), "");
    }

    @Test
    void testConnectionReportsBothServersAndEveryCheck() {
        CliRun r = CliRun.of("test-connection", "-c", task().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("source  mariadb://" + source.replicationUser() + "@")
                .contains("OK  MariaDB").contains("target  postgres://").contains("OK  PostgreSQL")
                .contains("Selected tables: 2").contains("PASS  mysql.binlog-format")
                .contains("PASS  mysql.privilege.reload").contains("PASS  target.create");
        assertThat(r.out() + r.err()).doesNotContain(source.replicationPassword()).doesNotContain(target.password());
    }

    @Test
    void aWrongPasswordFailsWithItsOwnMessageAndExitOne() throws Exception {
        Path task = task();
        Files.writeString(dir.resolve("secrets.properties"), "source=wrong-one\ntarget=" + target.password() + "\n");
        CliRun r = CliRun.of("test-connection", "-c", task.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("source: login failed for user '" + source.replicationUser() + "'");
    }

    @Test
    void anUnknownKeyInTheTaskFileIsExitTwoWithFileAndLine() throws Exception {
        Path task = task();
        Files.writeString(task, Files.readString(task).replace("migration-type:", "migraton-type:"));
        CliRun r = CliRun.of("test-connection", "-c", task.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("ferry: task.yaml:2: unknown key 'migraton-type'; did you mean 'migration-type'?");
    }

    @Test
    void schemasListsTablesWithKeysAndColumns() {
        CliRun r = CliRun.of("schemas", "-c", task().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(source.name()).containsPattern("orders +table .*key \\(id\\)")
                .containsPattern("notes +table .*NO KEY").contains("total decimal(10,2)");
    }
}
