package dev.ferry.sink.contract;

import static dev.ferry.sink.DebeziumRecords.*;

import dev.ferry.sink.DebeziumRecords;
import dev.ferry.sink.FerrySinkTaskAccess;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Throughput of the sink: N snapshot rows then N CDC updates of a 10-column table through a real task, per dialect,
 * and raw COPY FROM STDIN of the same rows into PostgreSQL for comparison. Records are built before the clock
 * starts and a warm-up run on another table precedes each timed run. Run with
 * {@code -Dtest=SinkBenchmark -Dferry.bench.rows=200000}.
 */
@EnabledIfSystemProperty(named = "ferry.bench.rows", matches = "\\d+")
@ExtendWith({PostgresExtension.class, MariaDbExtension.class})
class SinkBenchmark {
    private static final int N = Integer.getInteger("ferry.bench.rows", 0);
    private static final int BATCH = 5000;
    private static final int ROUNDS = Integer.getInteger("ferry.bench.rounds", 3);

    @Test
    void postgres(PostgresDatabase db) throws Exception {
        run("postgres", db, "bench");
        run("postgres", db, "bench", "bulk.snapshot", "false");
        rawCopy(db);
    }

    @Test
    void mariadb(MariaDbDatabase db) throws Exception {
        run("mariadb", db, db.name());
        run("mariadb", db, db.name(), "bulk.snapshot", "false");
    }

    private static DebeziumRecords table(String schema, String name) {
        return DebeziumRecords.table(schema + "." + name, "mariadb")
                .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("i", int32(), "INT")
                .column("l", int64(), "BIGINT").column("s", string(), "VARCHAR", 40, null)
                .column("d", decimal(12, 4), "DECIMAL", 12, 4).column("f", float64(), "DOUBLE")
                .column("ts", microTimestamp(), "DATETIME", 6, null).column("dt", date(), "DATE")
                .column("t", string(), "TEXT").column("b", bool(), "BOOLEAN").key("id").build();
    }

    private static Object[] values(long id, int version) {
        return new Object[] {id, (int) id + version, id * 31, "name-" + id + "-" + version,
                new BigDecimal(id).movePointLeft(4), id / 3.0, 1_700_000_000_000_000L + id, (int) (19000 + id % 1000),
                "some longer text value for row " + id, id % 2 == 0};
    }

    private static void run(String label, TestDatabase db, String schema, String... extraProps) {
        warmUp(label, db, schema, extraProps);
        double bestSnapshot = Double.MAX_VALUE;
        double bestCdc = Double.MAX_VALUE;
        for (int round = 1; round <= ROUNDS; round++) {
            String name = "bench" + round + (extraProps.length == 0 ? "" : "_" + extraProps[1]);
            DebeziumRecords r = table(schema, name);
            List<List<SinkRecord>> snapshot = batches(r, 0, (i, off) -> r.read(off, values(i, 0)));
            List<List<SinkRecord>> updates = batches(r, N, (i, off) -> r.update(off, r.row(values(i, 0)), r.row(values(i, 1))));
            SinkHarness h = new SinkHarness(db, "mariadb".equals(label) ? db.name() : "ferry");
            FerrySinkTaskAccess task = h.task(props(h, extraProps), schema + "." + name);
            long start = System.nanoTime();
            snapshot.forEach(task.task::put);
            task.commit(List.of());
            bestSnapshot = Math.min(bestSnapshot, seconds(start));
            start = System.nanoTime();
            updates.forEach(task.task::put);
            task.commit(List.of());
            bestCdc = Math.min(bestCdc, seconds(start));
            task.stop();
        }
        String mode = extraProps.length == 0 ? "" : " " + extraProps[0] + "=" + extraProps[1];
        report(label, "snapshot" + mode, bestSnapshot);
        report(label, "cdc (upsert)" + mode, bestCdc);
    }

    /** Same work on a throw-away table first, so the JIT has compiled the sink path before the timed run. */
    private static void warmUp(String label, TestDatabase db, String schema, String... extraProps) {
        String name = "warmup" + (extraProps.length == 0 ? "" : "_" + extraProps[1]);
        DebeziumRecords r = table(schema, name);
        SinkHarness h = new SinkHarness(db, "mariadb".equals(label) ? db.name() : "ferry");
        FerrySinkTaskAccess task = h.task(props(h, extraProps), schema + "." + name);
        batches(r, 0, (i, off) -> r.read(off, values(i, 0))).forEach(task.task::put);
        batches(r, N, (i, off) -> r.update(off, r.row(values(i, 0)), r.row(values(i, 1)))).forEach(task.task::put);
        task.commit(List.of());
        task.stop();
    }

    private static Map<String, String> props(SinkHarness h, String... extra) {
        Map<String, String> p = h.props("batch.size", Integer.toString(BATCH), "task.name", "bench-" + extra.length);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    interface RecordOf {
        SinkRecord make(int row, long offset);
    }

    /** Records are built before the clock starts: the timings measure the sink, not record construction. */
    private static List<List<SinkRecord>> batches(DebeziumRecords r, long firstOffset, RecordOf make) {
        List<List<SinkRecord>> out = new ArrayList<>();
        long offset = firstOffset;
        for (int from = 0; from < N; from += BATCH) {
            List<SinkRecord> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(N, from + BATCH); i++) {
                batch.add(make.make(i, offset++));
            }
            out.add(batch);
        }
        return out;
    }

    private static void rawCopy(PostgresDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            StringBuilder sb = new StringBuilder();
            for (long id = 0; id < N; id++) {
                sb.append(id).append('\t').append(id).append('\t').append(id * 31).append("\tname-").append(id)
                        .append("-0\t").append(new BigDecimal(id).movePointLeft(4).toPlainString()).append('\t')
                        .append(id / 3.0).append("\t2023-11-14 22:13:20.").append(String.format("%06d", id % 1_000_000))
                        .append("\t2022-01-01\tsome longer text value for row ").append(id).append('\t')
                        .append(id % 2 == 0 ? 't' : 'f').append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            double best = Double.MAX_VALUE;
            for (int round = 1; round <= ROUNDS; round++) {
                c.createStatement().execute("CREATE TABLE raw_copy" + round + " (id bigint PRIMARY KEY, i integer, "
                        + "l bigint, s varchar(40), d numeric(12,4), f double precision, ts timestamp(6), dt date, t text, "
                        + "b boolean)");
                long start = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw_copy" + round + " FROM STDIN",
                        new ByteArrayInputStream(bytes));
                best = Math.min(best, seconds(start));
            }
            report("postgres", "raw COPY FROM STDIN (text)", best);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void report(String target, String what, double secs) {
        System.out.printf("BENCH %-9s %-34s %,d rows in %.2f s = %,.0f rows/s (best of %d)%n", target, what, N, secs,
                N / secs, ROUNDS);
    }
}
