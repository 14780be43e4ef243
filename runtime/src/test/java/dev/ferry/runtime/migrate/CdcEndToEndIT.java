package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.runtime.TaskFiles;
import dev.ferry.runtime.cli.CliRunner;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;

/**
 * {@code bin/ferry migrate} as a child process (signals need a real process): full load then CDC from MariaDB to
 * PostgreSQL, SIGTERM, changes while stopped, resume, {@code ferry wait}; and SIGTERM during an incomplete full load.
 */
@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class CdcEndToEndIT {
    private static final Path HOME = Path.of(System.getProperty("ferry.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void streamsChangesStopsOnSigtermAndResumes(MariaDbDatabase source, PostgresDatabase target) throws Exception {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(30), price DECIMAL(10,2), "
                        + "qty BIGINT, seen DATETIME(3), ratio DOUBLE)",
                "INSERT INTO items VALUES (1, 'one', 1.50, 10, '2024-01-02 03:04:05.678', 0.5), "
                        + "(2, 'two', NULL, 20, NULL, NULL), (3, NULL, 3.00, NULL, '1999-12-31 23:59:59.000', -1.25)",
                "CREATE TABLE events (kind VARCHAR(10), n INT)",
                "INSERT INTO events VALUES ('a', 1), ('a', 1), ('b', 2), ('c', 3)");
        Path task = TaskFiles.write(dir, "cdc-e2e", "full-load-and-cdc", source, true, target,
                TaskFiles.includeAll(source.name()), "settings:\n  control-schema: " + source.name() + "_ctl\n");

        Ferry first = Ferry.start(task, dir.resolve("run1.err"));
        first.await(l -> l.contains("\"event\":\"full-load-completed\""), Duration.ofMinutes(4));
        assertThat(CliRunner.run("wait", "-c", task.toString(), "--for", "full-load", "--timeout", "60s").exit())
                .isZero();
        assertSame(source, target);

        source.execute("INSERT INTO items VALUES (4, 'four', 4.44, 40, '2025-05-05 05:05:05.500', 4e10)",
                "UPDATE items SET name = 'uno', price = 1.55, ratio = NULL WHERE id = 1",
                "DELETE FROM items WHERE id = 2",
                "INSERT INTO events VALUES ('b', 2)",
                "UPDATE events SET n = 30 WHERE kind = 'c'",
                "DELETE FROM events WHERE kind = 'a' LIMIT 1");
        var caughtUp = CliRunner.run("wait", "-c", task.toString(), "--for", "caught-up", "--timeout", "2m");
        assertThat(caughtUp.exit()).as(caughtUp.err()).isZero();
        // Right after wait returns, everything committed before it began is in the target.
        assertSame(source, target);

        sigterm(first.process);
        assertThat(first.exit(Duration.ofSeconds(30))).as("exit 0 within 30 s; " + first.err()).isZero();
        assertThat(first.lines).as(String.join("\n", first.lines) + "\n" + first.err())
                .anyMatch(l -> l.contains("\"event\":\"task\",\"state\":\"stopping\""))
                .anyMatch(l -> l.contains("\"event\":\"task\",\"state\":\"stopped\""));

        source.execute("INSERT INTO items VALUES (5, 'five', 5.00, 50, NULL, 5)",
                "UPDATE items SET qty = qty + 1 WHERE id = 3",
                "DELETE FROM items WHERE id = 4",
                "INSERT INTO events VALUES ('d', 4), ('d', 4)",
                "DELETE FROM events WHERE kind = 'b' LIMIT 1");
        // Not running: the changes cannot be applied, so wait times out.
        var timedOut = CliRunner.run("wait", "-c", task.toString(), "--for", "caught-up", "--timeout", "2s");
        assertThat(timedOut.exit()).as(timedOut.err()).isEqualTo(124);

        Ferry second = Ferry.start(task, dir.resolve("run2.err"));
        second.await(l -> l.contains("\"event\":\"full-load-completed\""), Duration.ofMinutes(3));
        var again = CliRunner.run("wait", "-c", task.toString(), "--for", "caught-up", "--timeout", "2m");
        assertThat(again.exit()).as(again.err()).isZero();
        assertSame(source, target);
        assertThat(second.lines).as("no table is loaded again").noneMatch(l -> l.contains("\"state\":\"before-load\"")
                || l.contains("\"event\":\"table\"") && l.contains("\"state\":\"full-load\""));

        sigterm(second.process);
        assertThat(second.exit(Duration.ofSeconds(30))).as("exit 0 within 30 s; " + second.err()).isZero();
    }

    @Test
    void sigtermDuringAnIncompleteFullLoadExits143(MariaDbDatabase source, PostgresDatabase target) throws Exception {
        source.execute("CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(40))",
                "INSERT INTO big SELECT seq, CONCAT('row ', seq) FROM seq_1_to_100000");
        Path task = TaskFiles.write(dir, "cdc-term", "full-load-and-cdc", source, true, target,
                TaskFiles.includeAll(source.name()), "settings:\n  control-schema: " + source.name() + "_ctl\n");
        Ferry f = Ferry.start(task, dir.resolve("run.err"));
        // Stop once the sink has written the first rows of the table, well before its 100k rows are loaded.
        f.await(l -> l.contains("\"event\":\"table\"") && l.contains("\"state\":\"full-load\""),
                Duration.ofMinutes(2));
        sigterm(f.process);
        assertThat(f.exit(Duration.ofSeconds(30))).as("exit 143 within 30 s; " + f.err()).isEqualTo(143);
        assertThat(f.lines).noneMatch(l -> l.contains("full-load-completed"));
        // The test database is shared by this class's tests: keep the other test's task small.
        source.execute("DROP TABLE big");
    }

    /**
     * SIGTERM as a user's `kill` sends it. Not {@code Process.destroy()}: besides the signal it closes the parent's
     * end of the child's stdout, so the lines the child prints while stopping would be lost.
     */
    private static void sigterm(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** A running {@code bin/ferry migrate --json}: its stdout lines, collected as they come. */
    record Ferry(Process process, List<String> lines, Path errFile, Thread reader) {
        static Ferry start(Path task, Path errFile) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(HOME.resolve("bin/ferry").toString(), "migrate", "-c",
                    task.toString(), "--json");
            pb.environment().put("FERRY_OPTS", "-Xmx512m");
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // process ended
                }
            }, "ferry-stdout");
            reader.setDaemon(true);
            reader.start();
            return new Ferry(p, lines, errFile, reader);
        }

        void await(Predicate<String> line, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (lines.stream().anyMatch(line)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("ferry exited " + process.exitValue() + "\n" + lines + "\n" + err());
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no such line within " + timeout + "\n" + lines + "\n" + err());
        }

        /** Waits for the exit and for every stdout line to be read; the exit code, or -1 if still running. */
        int exit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
            reader.join(5000);
            return process.exitValue();
        }

        String err() {
            try {
                String s = java.nio.file.Files.readString(errFile);
                return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
            } catch (java.io.IOException e) {
                return "";
            }
        }
    }

    /** Every row and column of every source table equals the target's, as a multiset, normalised by source type. */
    static void assertSame(MariaDbDatabase source, PostgresDatabase target) throws Exception {
        for (String table : List.of("items", "events")) {
            List<String> expected = rows(source, "SELECT * FROM " + table, null);
            List<String> actual = rows(target, "SELECT * FROM " + source.name() + "." + table,
                    columnTypes(source, table));
            assertThat(actual).as(table).containsExactlyElementsOf(expected);
        }
    }

    private static int[] columnTypes(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            int[] types = new int[md.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = md.getColumnType(i + 1);
            }
            return types;
        }
    }

    /** Rows as sorted strings; each value read and normalised by the source column's JDBC type. */
    private static List<String> rows(TestDatabase db, String sql, int[] sourceTypes) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    int type = sourceTypes == null ? md.getColumnType(i) : sourceTypes[i - 1];
                    cols.add(md.getColumnLabel(i).toLowerCase() + "=" + normalise(rs, i, type));
                }
                out.add(String.join("|", cols));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static String normalise(ResultSet rs, int i, int type) throws Exception {
        Object v = switch (type) {
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.stripTrailingZeros().toPlainString();
            }
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> {
                long l = rs.getLong(i);
                yield rs.wasNull() ? null : l;
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double d = rs.getDouble(i);
                yield rs.wasNull() ? null : d;
            }
            case Types.TIMESTAMP -> rs.getObject(i, java.time.LocalDateTime.class);
            default -> rs.getString(i);
        };
        return String.valueOf(v);
    }
}
