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
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Throughput of the sink: N snapshot rows then N CDC updates of a 10-column table through a real task, per dialect,
 * and raw COPY FROM STDIN of the same rows into PostgreSQL for comparison. Run with
 * {@code -Dtest=SinkBenchmark -Dferry.bench.rows=200000}.
 */
@EnabledIfSystemProperty(named = "ferry.bench.rows", matches = "\\d+")
@ExtendWith({PostgresExtension.class, MariaDbExtension.class})
class SinkBenchmark {
    private static final int N = Integer.getInteger("ferry.bench.rows", 0);
    private static final int BATCH = 5000;

    @Test
    void postgres(PostgresDatabase db) throws Exception {
        run("postgres", db, "bench");
        rawCopy(db);
    }

    @Test
    void mariadb(MariaDbDatabase db) throws Exception {
        run("mariadb", db, db.name());
    }

    private static DebeziumRecords table(String schema) {
        return DebeziumRecords.table(schema + ".bench", "mariadb")
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

    private static void run(String label, TestDatabase db, String schema) {
        DebeziumRecords r = table(schema);
        SinkHarness h = new SinkHarness(db, "mariadb".equals(label) ? db.name() : "ferry");
        FerrySinkTaskAccess task = h.task(h.props("batch.size", Integer.toString(BATCH)), schema + ".bench");
        long offset = 0;
        long start = System.nanoTime();
        for (int from = 0; from < N; from += BATCH) {
            List<SinkRecord> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(N, from + BATCH); i++) {
                batch.add(r.read(offset++, values(i, 0)));
            }
            task.task.put(batch);
        }
        task.commit(List.of());
        report(label, "snapshot", start);
        start = System.nanoTime();
        for (int from = 0; from < N; from += BATCH) {
            List<SinkRecord> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(N, from + BATCH); i++) {
                batch.add(r.update(offset++, r.row(values(i, 0)), r.row(values(i, 1))));
            }
            task.task.put(batch);
        }
        task.commit(List.of());
        report(label, "cdc (upsert)", start);
        task.stop();
    }

    private static void rawCopy(PostgresDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("CREATE TABLE raw_copy (id bigint PRIMARY KEY, i integer, l bigint, "
                    + "s varchar(40), d numeric(12,4), f double precision, ts timestamp(6), dt date, t text, b boolean)");
            StringBuilder sb = new StringBuilder();
            for (long id = 0; id < N; id++) {
                sb.append(id).append('\t').append(id).append('\t').append(id * 31).append("\tname-").append(id)
                        .append("-0\t").append(new BigDecimal(id).movePointLeft(4).toPlainString()).append('\t')
                        .append(id / 3.0).append("\t2023-11-14 22:13:20.").append(String.format("%06d", id % 1_000_000))
                        .append("\t2022-01-01\tsome longer text value for row ").append(id).append('\t')
                        .append(id % 2 == 0 ? 't' : 'f').append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw_copy FROM STDIN", new ByteArrayInputStream(bytes));
            report("postgres", "raw COPY FROM STDIN", start);
        }
    }

    private static void report(String target, String what, long startNanos) {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("BENCH %-9s %-22s %,d rows in %.2f s = %,.0f rows/s%n", target, what, N, secs, N / secs);
    }
}
