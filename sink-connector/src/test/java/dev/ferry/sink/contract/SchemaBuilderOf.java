package dev.ferry.sink.contract;

import org.apache.kafka.connect.data.SchemaBuilder;

/** Non-optional key column schemas. */
final class SchemaBuilderOf {
    private SchemaBuilderOf() {
    }

    static SchemaBuilder int64Key() { return SchemaBuilder.int64(); }
    static SchemaBuilder int32Key() { return SchemaBuilder.int32(); }
    static SchemaBuilder stringKey() { return SchemaBuilder.string(); }
}
