package dev.ferry.sink.contract;

import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sink.DebeziumRecords;
import dev.ferry.sink.FerrySinkTaskAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSinkContractTest extends SinkContractTest {
    private PostgresDatabase db;

    @BeforeAll
    void database(PostgresDatabase db) {
        this.db = db;
    }

    @Override protected TestDatabase db() { return db; }
    @Override protected String schema() { return "app"; }
    @Override protected String controlSchema() { return "ferry"; }
    @Override protected String text(String column) { return column + "::text"; }
    @Override protected String hex(String column) { return "upper(encode(" + column + ", 'hex'))"; }
    @Override protected String quote(String identifier) { return '"' + identifier + '"'; }
    @Override protected String kolkataSession() { return "SET TIME ZONE 'Asia/Kolkata'"; }

    @Test
    void aKilledConnectionBetweenTwoPutsIsRetriedWithoutLosingOrDoublingRows() {
        DebeziumRecords r = DebeziumRecords.table(topic("killed"), "postgresql")
                .column("id", SchemaBuilderOf.int64Key(), "INT8").column("v", DebeziumRecords.int32(), "INT4")
                .key("id").build();
        DebeziumRecords dups = DebeziumRecords.table(topic("killed_nopk"), "postgresql")
                .column("v", DebeziumRecords.int32(), "INT4").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("killed"), topic("killed_nopk"));
        t.apply(r.insert(0, 1L, 1), dups.insert(0, 7), dups.insert(1, 7));
        List<List<String>> killed = harness().rows("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity "
                + "WHERE application_name = 'ferry-sink' AND datname = current_database()");
        assertThat(killed).isNotEmpty().allMatch(row -> row.equals(List.of("true")));
        t.apply(r.insert(1, 2L, 2), r.update(2, r.row(1L, 1), r.row(1L, 10)), dups.insert(2, 7), dups.delete(3, 7));
        t.stop();
        assertThat(harness().rows("SELECT id, v FROM " + table("killed") + " ORDER BY id"))
                .containsExactly(List.of("1", "10"), List.of("2", "2"));
        assertThat(harness().rows("SELECT v FROM " + table("killed_nopk"))).containsExactly(List.of("7"), List.of("7"));
    }

    @Test
    void aConnectionKilledInsideAFlushRollsBackAndRetriesTheWholeBatch() {
        DebeziumRecords r = DebeziumRecords.table(topic("killedflush"), "postgresql")
                .column("id", SchemaBuilderOf.int64Key(), "INT8").column("v", DebeziumRecords.int32(), "INT4")
                .key("id").build();
        DebeziumRecords dups = DebeziumRecords.table(topic("killedflush_nopk"), "postgresql")
                .column("v", DebeziumRecords.int32(), "INT4").build();
        FerrySinkTaskAccess t = harness().task(harness().props(), topic("killedflush"), topic("killedflush_nopk"));
        t.apply(r.insert(0, 1L, 1), dups.insert(0, 7));
        java.util.concurrent.atomic.AtomicInteger kills = new java.util.concurrent.atomic.AtomicInteger();
        t.flusher().commitHook(c -> {
            if (kills.getAndIncrement() == 0) {
                int pid = c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
                harness().rows("SELECT pg_terminate_backend(" + pid + ")");
            }
        });
        var committed = t.apply(r.insert(1, 2L, 2), r.update(2, r.row(1L, 1), r.row(1L, 10)), dups.insert(1, 7),
                dups.insert(2, 7), dups.delete(3, 7));
        t.stop();
        assertThat(kills.get()).isEqualTo(2);
        assertThat(committed.get(new org.apache.kafka.common.TopicPartition(topic("killedflush_nopk"), 0)).offset())
                .isEqualTo(4L);
        assertThat(harness().rows("SELECT id, v FROM " + table("killedflush") + " ORDER BY id"))
                .containsExactly(List.of("1", "10"), List.of("2", "2"));
        assertThat(harness().rows("SELECT v FROM " + table("killedflush_nopk"))).containsExactly(List.of("7"), List.of("7"));
    }

    @Override
    protected Map<String, String> targetSpecificText() {
        return Map.of("tmax", "838:59:59", "tmin", "-838:59:59", "ts3", "2024-06-01 17:30:00.123+05:30",
                "st", "{a,c}");
    }
}
