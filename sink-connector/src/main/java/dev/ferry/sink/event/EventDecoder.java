package dev.ferry.sink.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Decodes a {@link SinkRecord} into a {@link ChangeEvent}: Debezium envelopes (op r/c/u/d/t with before, after and
 * source), tombstones ({@link Op#SKIP}), and flattened rows from ExtractNewRecordState ({@code __op} and
 * {@code __deleted} fields or an {@code __op} header; fields starting with {@code __} are metadata, not columns).
 */
public final class EventDecoder {
    private final ValueDecoder values;
    private final boolean lowerCase;
    private final Map<Schema, RowLayout> layouts = new java.util.IdentityHashMap<>();

    /** Columns of a row schema with the Connect fields they are read from (names may be lower-cased). */
    private record RowLayout(List<Column> columns, Field[] fields, Schema[] schemas, RowImage.Names names) {
    }

    public EventDecoder(ValueDecoder values, boolean lowerCase) {
        this.values = values;
        this.lowerCase = lowerCase;
    }

    private String name(String n) {
        return lowerCase ? n.toLowerCase(java.util.Locale.ROOT) : n;
    }

    public ChangeEvent decode(SinkRecord record) {
        KafkaCoordinates at = new KafkaCoordinates(record.originalTopic(), record.originalKafkaPartition(),
                record.originalKafkaOffset());
        TableId raw = TableId.fromTopic(record.topic());
        TableId table = new TableId(name(raw.schema()), name(raw.table()));
        try {
            if (record.value() == null) {
                return new ChangeEvent(table, Op.SKIP, List.of(), List.of(), null, null, null, null, null, at);
            }
            if (!(record.value() instanceof Struct value) || record.valueSchema() == null) {
                throw new DataException("the value has no Connect schema; the converter must keep schemas "
                        + "(JsonConverter with schemas.enable=true), schemaless records lose types");
            }
            List<String> keyColumns = keyColumns(record);
            return isEnvelope(value.schema()) ? envelope(table, value, keyColumns, at)
                    : flattened(table, record, value, keyColumns, at);
        } catch (RuntimeException e) {
            throw new DataException("Cannot decode the record for table " + table + " at " + at + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isEnvelope(Schema s) {
        return s.field("op") != null && (s.field("after") != null || s.field("before") != null);
    }

    private List<String> keyColumns(SinkRecord record) {
        Schema ks = record.keySchema();
        if (ks == null || ks.type() != Schema.Type.STRUCT || record.key() == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Field f : ks.fields()) {
            names.add(name(f.name()));
        }
        return Collections.unmodifiableList(names);
    }

    private ChangeEvent envelope(TableId table, Struct env, List<String> keyColumns, KafkaCoordinates at) {
        Op op = Op.fromCode(env.getString("op"));
        Struct source = env.schema().field("source") == null ? null : env.getStruct("source");
        String engine = source == null ? null : string(source, "connector");
        String snapshot = source == null ? null : string(source, "snapshot");
        Long ts = source != null && source.schema().field("ts_ms") != null ? source.getInt64("ts_ms") : null;
        if (ts == null && env.schema().field("ts_ms") != null) {
            ts = env.getInt64("ts_ms");
        }
        if (op == Op.TRUNCATE) {
            return new ChangeEvent(table, op, List.of(), keyColumns, null, null, engine, snapshot, ts, at);
        }
        Schema rowSchema = env.schema().field("after") != null ? env.schema().field("after").schema()
                : env.schema().field("before").schema();
        RowLayout layout = layout(rowSchema);
        List<Column> columns = layout.columns();
        Map<String, Object> before = image(layout, env.schema().field("before") == null ? null : env.getStruct("before"));
        Map<String, Object> after = op == Op.DELETE ? null : image(layout, env.getStruct("after"));
        return new ChangeEvent(table, op, columns, keyColumns, before, after, engine, snapshot, ts, at);
    }

    private static String string(Struct s, String field) {
        if (s.schema().field(field) == null) {
            return null;
        }
        Object v = s.get(field);
        return v == null ? null : v.toString();
    }

    private ChangeEvent flattened(TableId table, SinkRecord record, Struct row, List<String> keyColumns,
                                  KafkaCoordinates at) {
        RowLayout layout = layout(row.schema());
        List<Column> columns = layout.columns();
        String opCode = row.schema().field("__op") != null ? row.getString("__op") : headerOp(record);
        boolean deleted = row.schema().field("__deleted") != null && "true".equals(String.valueOf(row.get("__deleted")));
        Op op = deleted ? Op.DELETE : opCode == null ? Op.CREATE : Op.fromCode(opCode);
        Map<String, Object> image = image(layout, row);
        return op == Op.DELETE
                ? new ChangeEvent(table, op, columns, keyColumns, image, null, null, null, null, at)
                : new ChangeEvent(table, op, columns, keyColumns, null, image, null, null, null, at);
    }

    private static String headerOp(SinkRecord record) {
        var h = record.headers().lastWithName("__op");
        return h == null || h.value() == null ? null : h.value().toString();
    }

    /** Cached per schema instance, so unchanged schemas yield the same column list (cheap change detection). */
    private RowLayout layout(Schema rowSchema) {
        RowLayout cached = layouts.get(rowSchema);
        if (cached != null) {
            return cached;
        }
        List<Column> columns = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (Field f : rowSchema.fields()) {
            if (!f.name().startsWith("__")) {
                columns.add(new Column(name(f.name()), f.schema()));
                fields.add(f);
            }
        }
        if (layouts.size() > 1000) {
            layouts.clear();
        }
        List<String> names = columns.stream().map(Column::name).toList();
        RowLayout layout = new RowLayout(Collections.unmodifiableList(columns), fields.toArray(new Field[0]),
                fields.stream().map(Field::schema).toArray(Schema[]::new), new RowImage.Names(names));
        layouts.put(rowSchema, layout);
        return layout;
    }

    private Map<String, Object> image(RowLayout layout, Struct row) {
        if (row == null) {
            return null;
        }
        Field[] fields = layout.fields();
        Schema[] schemas = layout.schemas();
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            // Never Struct.get(): it returns the field's schema default for a null value, and Debezium puts column
            // defaults into the schemas (MariaDB even reports "NULL" as the default of a nullable column).
            out[i] = values.decode(schemas[i], row.getWithoutDefault(fields[i].name()));
        }
        return new RowImage(layout.names(), out);
    }
}
