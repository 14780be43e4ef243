package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Debezium-shaped change events by hand, the way Kafka's own SMT tests build records. */
final class DebeziumRecords {
    static final String PREFIX = "task1";

    private final String schemaName;
    private final String table;
    private final Map<String, Schema> columns = new LinkedHashMap<>();
    private final java.util.List<String> key = new java.util.ArrayList<>();
    private boolean postgres;
    private Schema rowSchema;
    private Schema keySchema;
    private Schema envelopeSchema;
    private Schema sourceSchema;

    private DebeziumRecords(String schemaName, String table) {
        this.schemaName = schemaName;
        this.table = table;
    }

    static DebeziumRecords table(String schema, String table) {
        return new DebeziumRecords(schema, table);
    }

    DebeziumRecords postgres() {
        postgres = true;
        return this;
    }

    /** A column with Debezium's propagated source type parameter. */
    DebeziumRecords column(String name, Schema.Type type, String sourceType, boolean optional) {
        SchemaBuilder b = new SchemaBuilder(type).parameter("__debezium.source.column.type", sourceType);
        columns.put(name, optional ? b.optional().build() : b.build());
        return this;
    }

    DebeziumRecords column(String name, Schema schema) {
        columns.put(name, schema);
        return this;
    }

    DebeziumRecords key(String... names) {
        key.addAll(java.util.List.of(names));
        return this;
    }

    DebeziumRecords build() {
        String base = PREFIX + "." + schemaName + "." + table;
        SchemaBuilder row = SchemaBuilder.struct().name(base + ".Value").optional();
        columns.forEach(row::field);
        rowSchema = row.build();
        if (!key.isEmpty()) {
            SchemaBuilder k = SchemaBuilder.struct().name(base + ".Key");
            key.forEach(n -> k.field(n, columns.get(n)));
            keySchema = k.build();
        }
        SchemaBuilder source = SchemaBuilder.struct().name("io.debezium.connector.Source")
                .field("connector", Schema.STRING_SCHEMA).field("db", Schema.STRING_SCHEMA);
        if (postgres) {
            source.field("schema", Schema.STRING_SCHEMA);
        }
        sourceSchema = source.field("table", Schema.STRING_SCHEMA).build();
        envelopeSchema = SchemaBuilder.struct().name(base + ".Envelope").version(2)
                .field("before", rowSchema).field("after", rowSchema).field("source", sourceSchema)
                .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
        return this;
    }

    String topic() {
        return PREFIX + "." + schemaName + "." + table;
    }

    Schema rowSchema() {
        return rowSchema;
    }

    Struct row(Object... nameValuePairs) {
        Struct s = new Struct(rowSchema);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            s.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return s;
    }

    SinkRecord insert(Struct after) {
        return event("c", null, after);
    }

    SinkRecord read(Struct after) {
        return event("r", null, after);
    }

    SinkRecord update(Struct before, Struct after) {
        return event("u", before, after);
    }

    SinkRecord delete(Struct before) {
        return event("d", before, null);
    }

    SinkRecord event(String op, Struct before, Struct after) {
        Struct source = new Struct(sourceSchema).put("connector", postgres ? "postgresql" : "mariadb")
                .put("db", postgres ? "appdb" : schemaName).put("table", table);
        if (postgres) {
            source.put("schema", schemaName);
        }
        Struct value = new Struct(envelopeSchema).put("before", before).put("after", after).put("source", source)
                .put("op", op).put("ts_ms", 1_700_000_000_000L);
        Struct image = after != null ? after : before;
        return new SinkRecord(topic(), 0, keySchema, keyOf(image), envelopeSchema, value, 42L);
    }

    SinkRecord tombstone(Struct image) {
        return new SinkRecord(topic(), 0, keySchema, keyOf(image), null, null, 43L);
    }

    private Struct keyOf(Struct image) {
        if (keySchema == null || image == null) {
            return null;
        }
        Struct k = new Struct(keySchema);
        key.forEach(n -> k.put(n, image.get(n)));
        return k;
    }
}
