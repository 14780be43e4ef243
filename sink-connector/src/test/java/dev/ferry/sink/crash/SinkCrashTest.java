package dev.ferry.sink.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.sink.FerrySinkTaskAccess;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once contract under a real process crash: a child JVM running a real sink task is killed with SIGKILL
 * (twice, at a random moment after it made progress), then a new task seeks to the offsets stored in the target and
 * the stream is replayed from there, as Kafka redelivers it. The target must then hold exactly the final state of
 * the stream: every keyed row and every duplicate of the key-less table, nothing lost, nothing repeated.
 */
@ExtendWith({PostgresExtension.class, MariaDbExtension.class})
class SinkCrashTest {
    private static final int CHANGES = 6000;
    private static final long SEED = 20261125L;
    private static final int KILLS = 2;

    @Test
    void aPostgresTaskKilledWithSigkillNeitherLosesNorRepeatsAChange(PostgresDatabase db, @TempDir Path dir)
            throws Exception {
        crashAndReplay(db, "app", "ferry", '"', dir);
    }

    @Test
    void aMariaDbTaskKilledWithSigkillNeitherLosesNorRepeatsAChange(MariaDbDatabase db, @TempDir Path dir)
            throws Exception {
        crashAndReplay(db, db.name(), db.name(), '`', dir);
    }

    private void crashAndReplay(TestDatabase db, String schema, String control, char quote, Path dir) throws Exception {
        CrashStream stream = new CrashStream(schema, CHANGES, SEED);
        String offsetsTable = quote + control + quote + ".ferry_offsets";
        long total = stream.ends.values().stream().mapToLong(Long::longValue).sum();
        for (int round = 1; round <= KILLS; round++) {
            Map<String, Long> before = stored(db, offsetsTable);
            long progressBefore = before.values().stream().mapToLong(Long::longValue).sum();
            Path log = dir.resolve("child-" + round + ".log");
            Process child = child(db, control, schema, log);
            try {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    assertThat(child.isAlive()).as("child JVM alive; log:\n%s", read(log)).isTrue();
                    assertThat(read(log)).as("child finished before it was killed").doesNotContain("DONE");
                    return stored(db, offsetsTable).values().stream().mapToLong(Long::longValue).sum()
                            >= progressBefore + 300;
                });
                Thread.sleep(ThreadLocalRandom.current().nextInt(50));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            List<String> seeks = read(log).lines().filter(l -> l.startsWith("SEEK ")).toList();
            List<String> expectedSeeks = new ArrayList<>();
            for (String topic : new TreeMap<>(stream.ends).keySet()) {
                expectedSeeks.add("SEEK " + topic + " " + before.getOrDefault(topic, 0L));
            }
            assertThat(seeks).as("child %d sought to the stored offsets", round).isEqualTo(expectedSeeks);
        }

        Map<String, Long> stored = stored(db, offsetsTable);
        long progress = stored.values().stream().mapToLong(Long::longValue).sum();
        assertThat(progress).as("killed mid-stream").isGreaterThan(0).isLessThan(total);

        Map<String, String> props = SinkCrashChild.props(db.jdbcUrl(), db.user(), db.password(), control);
        FerrySinkTaskAccess t = FerrySinkTaskAccess.started(props, stream.pkTopic, stream.nopkTopic);
        Map<TopicPartition, Long> expectedSeeks = new HashMap<>();
        stored.forEach((topic, offset) -> expectedSeeks.put(new TopicPartition(topic, 0), offset));
        assertThat(t.seeks).isEqualTo(expectedSeeks);
        List<SinkRecord> replay = stream.from(stored);
        for (int i = 0; i < replay.size(); i += 500) {
            t.apply(replay.subList(i, Math.min(i + 500, replay.size())).toArray(new SinkRecord[0]));
        }
        t.stop();

        assertThat(stored(db, offsetsTable)).isEqualTo(stream.ends);
        String table = quote + schema + quote + ".";
        TreeMap<Long, String> pk = new TreeMap<>();
        for (List<String> r : rows(db, "SELECT id, v, s FROM " + table + "crash_pk")) {
            assertThat(pk.put(Long.parseLong(r.get(0)), r.get(1) + "|" + r.get(2))).as("key %s once", r.get(0)).isNull();
        }
        assertThat(pk).isEqualTo(stream.pkFinal);
        TreeMap<String, Integer> nopk = new TreeMap<>();
        for (List<String> r : rows(db, "SELECT v, n FROM " + table + "crash_nopk")) {
            nopk.merge(r.get(0) + "|" + r.get(1), 1, Integer::sum);
        }
        assertThat(nopk).isEqualTo(stream.nopkFinal);
    }

    private static Process child(TestDatabase db, String control, String schema, Path log) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"), SinkCrashChild.class.getName(),
                db.jdbcUrl(), db.user(), db.password(), control, schema, Integer.toString(CHANGES), Long.toString(SEED));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** topic → next offset stored by task {@code crash}; empty before the control table exists. */
    private static Map<String, Long> stored(TestDatabase db, String offsetsTable) {
        Map<String, Long> out = new HashMap<>();
        try {
            for (List<String> r : rows(db, "SELECT topic, kafka_offset FROM " + offsetsTable + " WHERE task = 'crash'")) {
                out.put(r.get(0), Long.parseLong(r.get(1)));
            }
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException)) {
                throw e;
            }
        }
        return out;
    }

    private static List<List<String>> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
