package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.runtime.TaskFiles;
import dev.ferry.runtime.cli.CliRunner;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class FullLoadSmokeTest {
    @TempDir
    Path dir;

    @Test
    void fullLoadCopiesKeyedAndKeylessTablesAndExits(MariaDbDatabase source, PostgresDatabase target) throws Exception {
        source.execute("CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10,2), note VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 10.50, 'a'), (2, NULL, 'b'), (3, 3.00, NULL)",
                "CREATE TABLE notes (line VARCHAR(20))",
                "INSERT INTO notes VALUES ('x'), ('x'), ('y')");
        Path task = TaskFiles.write(dir, "smoke", "full-load", source, true, target,
                TaskFiles.includeAll(source.name()), "settings:\n  control-schema: " + target.name() + "_ctl\n");
        var before = CliRunner.run("status", "-c", task.toString());
        assertThat(before.exit()).as(before.err()).isEqualTo(3);
        assertThat(before.out()).contains("task smoke has never been started");

        var r = CliRunner.run("migrate", "-c", task.toString(), "--json");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(rows(target, "SELECT id, total, note FROM " + source.name() + ".orders ORDER BY id"))
                .containsExactly("1|10.50|a", "2|null|b", "3|3.00|null");
        assertThat(rows(target, "SELECT line FROM " + source.name() + ".notes ORDER BY line"))
                .containsExactly("x", "x", "y");
        assertThat(r.out()).contains("\"event\":\"full-load-completed\"")
                .contains("\"source\":\"" + source.name() + ".orders\",\"target\":\"" + source.name()
                        + ".orders\",\"state\":\"completed\",\"rows\":3,\"estimated\":3");

        var after = CliRunner.run("status", "-c", task.toString());
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("task smoke: stopped").containsPattern(source.name() + "\\.orders +completed +3");

        var cleanup = CliRunner.run("cleanup", "-c", task.toString(), "--drop-target-tables");
        assertThat(cleanup.exit()).as(cleanup.err()).isZero();
        assertThat(dir.resolve("ferry-data/kafka")).doesNotExist();
        assertThat(dir.resolve("ferry-data/task.json")).doesNotExist();
        assertThat(CliRunner.run("status", "-c", task.toString()).exit()).isEqualTo(3);
        assertThat(rows(target, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + source.name() + "'")).containsExactly("0");
    }

    static List<String> rows(PostgresDatabase db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join("|", cols));
            }
        }
        return out;
    }
}
