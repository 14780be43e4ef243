package dev.ferry.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Builds records shaped exactly as Debezium emits them under Ferry's event contract: key struct, envelope named
 * {@code <prefix>.<db>.<table>.Envelope} with before/after/source/op/ts_ms, column schemas carrying
 * {@code __debezium.source.column.*} parameters and Debezium's logical names.
 */
public final class DebeziumRecords {
    private final String topic;
    private final String originalTopic;
    private final String connector;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final Schema envelope;
    private final Schema source;

    private DebeziumRecords(String topic, String originalTopic, String connector, Schema keySchema, Schema rowSchema) {
        this.topic = topic;
        this.originalTopic = originalTopic;
        this.connector = connector;
        this.keySchema = keySchema;
        this.rowSchema = rowSchema;
        this.source = SchemaBuilder.struct().name("io.debezium.connector." + connector + ".Source")
                .field("connector", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
                .field("snapshot", SchemaBuilder.string().optional().build()).build();
        this.envelope = SchemaBuilder.struct().name(rowSchema.name().replace(".Value", ".Envelope"))
                .field("before", rowSchema).field("after", rowSchema).field("source", source)
                .field("op", Schema.STRING_SCHEMA).field("ts_ms", SchemaBuilder.int64().optional().build()).build();
    }

    public static Builder table(String topic, String connector) {
        return new Builder(topic, connector);
    }

    /** Same records, but as if a routing SMT renamed the topic: topic() differs from originalTopic(). */
    public DebeziumRecords routedFrom(String original) {
        return new DebeziumRecords(topic, original, connector, keySchema, rowSchema);
    }

    public Schema rowSchema() {
        return rowSchema;
    }

    public static final class Builder {
        private final String topic;
        private final String connector;
        private final SchemaBuilder row;
        private final List<String> key = new ArrayList<>();

        Builder(String topic, String connector) {
            this.topic = topic;
            this.connector = connector;
            this.row = SchemaBuilder.struct().name("srv." + topic + ".Value").optional();
        }

        public Builder column(String name, SchemaBuilder type, String sourceType) {
            if (sourceType != null) {
                type.parameter("__debezium.source.column.type", sourceType);
            }
            row.field(name, type.build());
            return this;
        }

        public Builder column(String name, SchemaBuilder type, String sourceType, Integer length, Integer scale) {
            if (length != null) {
                type.parameter("__debezium.source.column.length", length.toString());
            }
            if (scale != null) {
                type.parameter("__debezium.source.column.scale", scale.toString());
            }
            return column(name, type, sourceType);
        }

        /** The columns and key of another table's records, under this builder's topic. */
        public DebeziumRecords like(DebeziumRecords other) {
            for (Field f : other.rowSchema.fields()) {
                row.field(f.name(), f.schema());
            }
            if (other.keySchema != null) {
                other.keySchema.fields().forEach(f -> key.add(f.name()));
            }
            return build();
        }

        public Builder key(String... names) {
            key.addAll(List.of(names));
            return this;
        }

        public DebeziumRecords build() {
            Schema rowSchema = row.build();
            Schema keySchema = null;
            if (!key.isEmpty()) {
                SchemaBuilder k = SchemaBuilder.struct().name("srv." + topic + ".Key");
                for (String n : key) {
                    k.field(n, rowSchema.field(n).schema());
                }
                keySchema = k.build();
            }
            return new DebeziumRecords(topic, topic, connector, keySchema, rowSchema);
        }
    }

    public Struct row(Object... values) {
        Struct s = new Struct(rowSchema);
        List<Field> fields = rowSchema.fields();
        for (int i = 0; i < values.length; i++) {
            s.put(fields.get(i), values[i]);
        }
        return s;
    }

    public SinkRecord read(long offset, Object... values) {
        return record(offset, "r", null, row(values), "true");
    }

    public SinkRecord readLast(long offset, Object... values) {
        return record(offset, "r", null, row(values), "last");
    }

    public SinkRecord insert(long offset, Object... values) {
        return record(offset, "c", null, row(values), null);
    }

    public SinkRecord update(long offset, Struct before, Struct after) {
        return record(offset, "u", before, after, null);
    }

    public SinkRecord delete(long offset, Object... before) {
        return record(offset, "d", row(before), null, null);
    }

    public SinkRecord truncate(long offset) {
        Struct env = new Struct(envelope).put("source", source(null)).put("op", "t").put("ts_ms", 1L);
        return sink(offset, null, env);
    }

    public SinkRecord tombstone(long offset, Object... before) {
        return new SinkRecord(topic, 0, keySchema, key(row(before)), null, null, offset, null, null, List.of(),
                originalTopic, 0, offset);
    }

    private Struct source(String snapshot) {
        return new Struct(source).put("connector", connector).put("ts_ms", 1_700_000_000_000L).put("snapshot", snapshot);
    }

    private SinkRecord record(long offset, String op, Struct before, Struct after, String snapshot) {
        Struct env = new Struct(envelope).put("before", before).put("after", after).put("source", source(snapshot))
                .put("op", op).put("ts_ms", 1_700_000_000_001L);
        return sink(offset, key(after != null ? after : before), env);
    }

    private SinkRecord sink(long offset, Struct key, Struct env) {
        return new SinkRecord(topic, 0, key == null ? null : keySchema, key, envelope, env, offset, null, null,
                List.of(), originalTopic, 0, offset);
    }

    private Struct key(Struct row) {
        if (keySchema == null || row == null) {
            return null;
        }
        Struct k = new Struct(keySchema);
        for (Field f : keySchema.fields()) {
            k.put(f, row.get(f.name()));
        }
        return k;
    }

    // ---- column types as Debezium encodes them ----
    public static SchemaBuilder int16() { return SchemaBuilder.int16().optional(); }
    public static SchemaBuilder int32() { return SchemaBuilder.int32().optional(); }
    public static SchemaBuilder int64() { return SchemaBuilder.int64().optional(); }
    public static SchemaBuilder float64() { return SchemaBuilder.float64().optional(); }
    public static SchemaBuilder string() { return SchemaBuilder.string().optional(); }
    public static SchemaBuilder bytes() { return SchemaBuilder.bytes().optional(); }
    public static SchemaBuilder bool() { return SchemaBuilder.bool().optional(); }

    public static SchemaBuilder decimal(int precision, int scale) {
        return Decimal.builder(scale).parameter("connect.decimal.precision", Integer.toString(precision)).optional();
    }

    public static SchemaBuilder named(SchemaBuilder b, String name) {
        return b.name(name).version(1).optional();
    }

    public static SchemaBuilder microTime() { return named(SchemaBuilder.int64(), "io.debezium.time.MicroTime"); }
    public static SchemaBuilder microTimestamp() { return named(SchemaBuilder.int64(), "io.debezium.time.MicroTimestamp"); }
    public static SchemaBuilder timestamp() { return named(SchemaBuilder.int64(), "io.debezium.time.Timestamp"); }
    public static SchemaBuilder zonedTimestamp() { return named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"); }
    public static SchemaBuilder date() { return named(SchemaBuilder.int32(), "io.debezium.time.Date"); }
    public static SchemaBuilder json() { return named(SchemaBuilder.string(), "io.debezium.data.Json"); }
    public static SchemaBuilder year() { return named(SchemaBuilder.int32(), "io.debezium.time.Year"); }

    public static SchemaBuilder enumOf(String allowed) {
        return named(SchemaBuilder.string(), "io.debezium.data.Enum").parameter("allowed", allowed);
    }

    public static SchemaBuilder enumSet(String allowed) {
        return named(SchemaBuilder.string(), "io.debezium.data.EnumSet").parameter("allowed", allowed);
    }
}
