package dev.ferry.transforms.smt;

import dev.ferry.transforms.plan.TableMapping;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Everything needed to transform the records of one topic with one key and value schema, built once. The hot path
 * reads the op, applies the row filter and copies fields.
 *
 * <p>Row filters (brief: snapshot and change rows alike): inserts and snapshot reads are kept when the after image
 * passes; deletes when the before image passes; an update is kept (the sink upserts) when its after image passes,
 * dropped when neither image passes, and becomes a delete ({@code op=d}, after null) when it moves a row out of the
 * filter — or when there is no before image to tell (the delete is then harmless if the row was never copied).
 */
final class CompiledTable {
    private final SourceTable source;
    private final String topic;
    private final RowPlan rowPlan;
    private final RowPlan keyPlan;
    private final KeyFromRow keyFromRow;
    private final EnvelopePlan envelope;
    private final RowFilter filter;
    private final boolean softDeletes;
    private final boolean dropTombstones;

    CompiledTable(SourceTable source, TableMapping mapping, RowPlan rowPlan, RowPlan keyPlan, KeyFromRow keyFromRow,
                  EnvelopePlan envelope, RowFilter filter) {
        this.source = source;
        this.topic = mapping.targetName();
        this.rowPlan = rowPlan;
        this.keyPlan = keyPlan;
        this.keyFromRow = keyFromRow;
        this.envelope = envelope;
        this.filter = filter;
        this.softDeletes = mapping.softDeletes();
        this.dropTombstones = softDeletes || mapping.primaryKeyRedefined();
    }

    String topic() {
        return topic;
    }

    SinkRecord apply(SinkRecord record) {
        if (record.value() == null) {
            return tombstone(record);
        }
        Struct value = (Struct) record.value();
        String op = (String) value.get(envelope.op);
        Struct before = (Struct) value.get(envelope.before);
        Struct after = (Struct) value.get(envelope.after);
        char c = op == null || op.isEmpty() ? '?' : op.charAt(0);
        switch (c) {
            case 'c', 'r' -> {
                return filter.isEmpty() || filter.test(after) ? emit(record, value, op, before, after, c) : null;
            }
            case 'u' -> {
                return update(record, value, before, after);
            }
            case 'd' -> {
                if (!filter.isEmpty() && before != null && !filter.test(before)) {
                    return null;
                }
                return softDeletes ? emit(record, value, "u", before, before, 'd')
                        : emit(record, value, op, before, null, c);
            }
            default -> {
                return emit(record, value, op, before, after, c);
            }
        }
    }

    private SinkRecord update(SinkRecord record, Struct value, Struct before, Struct after) {
        if (filter.isEmpty() || filter.test(after)) {
            return emit(record, value, "u", before, after, 'u');
        }
        if (before != null && !filter.test(before)) {
            return null;
        }
        Struct keySource = before != null ? before : after;
        return emitDelete(record, value, before, keySource);
    }

    private SinkRecord emitDelete(SinkRecord record, Struct value, Struct before, Struct keySource) {
        Struct newBefore = rowPlan.apply(before, 'd', source.schema(), source.table());
        Struct out = envelope.build(value, "d", newBefore, null);
        Object key = keyFromRow != null
                ? keyFromRow.build(rowPlan.apply(keySource, 'd', source.schema(), source.table()))
                : transformKey(record.key());
        return newRecord(record, key, out);
    }

    private SinkRecord emit(SinkRecord record, Struct value, String op, Struct before, Struct after, char evalOp) {
        Struct newBefore = rowPlan.apply(before, evalOp, source.schema(), source.table());
        Struct newAfter = rowPlan.apply(after, evalOp, source.schema(), source.table());
        Struct out = envelope.build(value, op, newBefore, newAfter);
        Object key;
        if (keyFromRow != null) {
            Struct row = newAfter != null ? newAfter : newBefore;
            key = row == null ? null : keyFromRow.build(row);
        } else {
            key = transformKey(record.key());
        }
        return newRecord(record, key, out);
    }

    /** Tombstones keep their key; they are dropped where the key cannot be rebuilt or deletes are soft. */
    private SinkRecord tombstone(SinkRecord record) {
        if (dropTombstones) {
            return null;
        }
        return record.newRecord(topic, record.kafkaPartition(), keySchema(record), transformKey(record.key()),
                record.valueSchema(), null, record.timestamp());
    }

    private Object transformKey(Object key) {
        return keyPlan == null || key == null ? key
                : keyPlan.apply((Struct) key, 'r', source.schema(), source.table());
    }

    private Schema keySchema(SinkRecord record) {
        if (keyFromRow != null) {
            return keyFromRow.schema();
        }
        return keyPlan != null ? keyPlan.schema() : record.keySchema();
    }

    private SinkRecord newRecord(SinkRecord record, Object key, Struct value) {
        return record.newRecord(topic, record.kafkaPartition(), keySchema(record), key, envelope.schema(), value,
                record.timestamp());
    }
}
