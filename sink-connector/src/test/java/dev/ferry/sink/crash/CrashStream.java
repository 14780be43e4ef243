package dev.ferry.sink.crash;

import dev.ferry.sink.DebeziumRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A long deterministic change stream over two topics (same seed → same records, in parent and child JVMs): a keyed
 * table ({@code id} key; inserts, updates, key changes, deletes with tombstones) and a key-less table whose rows repeat
 * (inserts of a few distinct values, updates and deletes of exactly one of the equal rows). Each topic has its own
 * offsets 0..n-1, interleaved in one global order as Kafka would deliver two partitions. Also computes the final
 * state the target must hold.
 */
final class CrashStream {
    final String pkTopic;
    final String nopkTopic;
    final List<SinkRecord> records = new ArrayList<>();
    /** Final keyed rows: id → "v|s". */
    final TreeMap<Long, String> pkFinal = new TreeMap<>();
    /** Final key-less rows: "v|n" → count. */
    final TreeMap<String, Integer> nopkFinal = new TreeMap<>();
    final Map<String, Long> ends = new HashMap<>();

    CrashStream(String schema, int changes, long seed) {
        pkTopic = schema + ".crash_pk";
        nopkTopic = schema + ".crash_nopk";
        DebeziumRecords pk = DebeziumRecords.table(pkTopic, "postgresql")
                .column("id", SchemaBuilder.int64(), "INT8").column("v", DebeziumRecords.int32(), "INT4")
                .column("s", DebeziumRecords.string(), "VARCHAR", 20, null).key("id").build();
        DebeziumRecords nopk = DebeziumRecords.table(nopkTopic, "postgresql")
                .column("v", DebeziumRecords.int32(), "INT4").column("n", DebeziumRecords.string(), "VARCHAR", 10, null)
                .build();
        Random rnd = new Random(seed);
        Map<Long, Object[]> rows = new HashMap<>();
        List<Object[]> bag = new ArrayList<>();
        long pkOffset = 0;
        long nopkOffset = 0;
        long nextId = 1;
        for (int i = 0; i < changes; i++) {
            if (rnd.nextBoolean()) {
                int dice = rnd.nextInt(10);
                if (rows.isEmpty() || dice < 4) {
                    long id = nextId++;
                    Object[] row = {id, rnd.nextInt(1000), "s" + i};
                    rows.put(id, row);
                    records.add(pk.insert(pkOffset++, row));
                } else {
                    List<Long> ids = new ArrayList<>(new TreeMap<>(rows).keySet());
                    long id = ids.get(rnd.nextInt(ids.size()));
                    Object[] before = rows.get(id);
                    if (dice < 8) {
                        Object[] after = {id, rnd.nextInt(1000), rnd.nextInt(5) == 0 ? null : "u" + i};
                        rows.put(id, after);
                        records.add(pk.update(pkOffset++, pk.row(before), pk.row(after)));
                    } else if (dice == 8) {
                        long newId = nextId++;
                        Object[] after = {newId, before[1], before[2]};
                        rows.remove(id);
                        rows.put(newId, after);
                        records.add(pk.update(pkOffset++, pk.row(before), pk.row(after)));
                    } else {
                        rows.remove(id);
                        records.add(pk.delete(pkOffset++, before));
                        records.add(pk.tombstone(pkOffset++, before));
                    }
                }
            } else {
                int dice = rnd.nextInt(10);
                if (bag.isEmpty() || dice < 5) {
                    Object[] row = {rnd.nextInt(4), rnd.nextInt(3) == 0 ? null : "n" + rnd.nextInt(2)};
                    bag.add(row);
                    records.add(nopk.insert(nopkOffset++, row));
                } else {
                    int at = rnd.nextInt(bag.size());
                    Object[] before = bag.get(at);
                    if (dice < 8) {
                        Object[] after = {rnd.nextInt(4), before[1]};
                        bag.set(at, after);
                        records.add(nopk.update(nopkOffset++, nopk.row(before), nopk.row(after)));
                    } else {
                        bag.remove(at);
                        records.add(nopk.delete(nopkOffset++, before));
                    }
                }
            }
        }
        rows.values().forEach(r -> pkFinal.put((Long) r[0], r[1] + "|" + r[2]));
        bag.forEach(r -> nopkFinal.merge(r[0] + "|" + r[1], 1, Integer::sum));
        ends.put(pkTopic, pkOffset);
        ends.put(nopkTopic, nopkOffset);
    }

    /** The records a consumer positioned at {@code positions} (topic → next offset) receives, in delivery order. */
    List<SinkRecord> from(Map<String, Long> positions) {
        List<SinkRecord> out = new ArrayList<>();
        for (SinkRecord r : records) {
            if (r.kafkaOffset() >= Objects.requireNonNull(positions.get(r.topic()), r.topic())) {
                out.add(r);
            }
        }
        return out;
    }
}
