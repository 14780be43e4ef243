package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ferry.runtime.TaskFiles;
import dev.ferry.runtime.cli.CliRunner;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

/**
 * Full load of one MariaDB table of N rows into PostgreSQL through {@code ferry migrate} (incremental snapshot,
 * Kafka, sink). Off by default; run with
 * {@code mvn -B -q -o test -pl runtime -Dtest=FullLoadThroughputBenchmark -Dferry.bench.rows=2000000}.
 */
@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
@EnabledIfSystemProperty(named = "ferry.bench.rows", matches = "\\d+")
class FullLoadThroughputBenchmark {
    @TempDir
    Path dir;

    @Test
    void loadsTheTableAndReportsRowsPerSecond(MariaDbDatabase source, PostgresDatabase target) throws Exception {
        long rows = Long.getLong("ferry.bench.rows");
        source.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer INT, status ENUM('new','paid','sent'), "
                        + "total DECIMAL(12,2), qty SMALLINT, flag TINYINT(1), note VARCHAR(200), "
                        + "created DATETIME(3), changed TIMESTAMP NULL)",
                "INSERT INTO orders SELECT seq, seq % 200000, ELT(1 + seq % 3, 'new', 'paid', 'sent'), "
                        + "(seq % 100000) / 100, seq % 100, seq % 2, CONCAT('order note number ', seq, "
                        + "' with some text to make it sixty characters'), "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq SECOND, NULL FROM seq_1_to_" + rows);
        Path task = TaskFiles.write(dir, "bench", "full-load", source, true, target,
                TaskFiles.includeAll(source.name()), "settings:\n  control-schema: " + target.name() + "_ctl\n");
        long t0 = System.nanoTime();
        var r = CliRunner.run("migrate", "-c", task.toString(), "--json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exit()).as(r.err()).isZero();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source.name() + ".orders")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows);
        }
        System.out.printf("BENCH full-load %d rows in %.1f s (whole command): %.0f rows/s%n", rows, seconds,
                rows / seconds);
    }
}
