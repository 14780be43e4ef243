package dev.ferry.sink.event;

import java.util.Objects;

/** A target table: schema (MySQL/MariaDB: database) and name, both final (the sink never renames). */
public record TableId(String schema, String table) {
    public TableId {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /**
     * The table a topic is applied to. After Ferry's routing SMT the topic is {@code schema.table}; a plain Debezium
     * topic {@code prefix.db.table} (or {@code prefix.schema.table}) uses its last two segments.
     */
    public static TableId fromTopic(String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not name a table: expected schema.table "
                    + "(Ferry's routing SMT) or prefix.schema.table (plain Debezium)");
        }
        return new TableId(parts[parts.length - 2], parts[parts.length - 1]);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
