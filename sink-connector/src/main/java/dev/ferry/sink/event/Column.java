package dev.ferry.sink.event;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/** One column of a change event: its final target name and the Connect schema describing its values. */
public record Column(String name, Schema schema) {
    public static final String SOURCE_TYPE = "__debezium.source.column.type";
    public static final String SOURCE_LENGTH = "__debezium.source.column.length";
    public static final String SOURCE_SCALE = "__debezium.source.column.scale";
    public static final String TARGET_TYPE = "ferry.target.type";

    public String logicalName() {
        return schema.name();
    }

    public boolean optional() {
        return schema.isOptional();
    }

    public String param(String key) {
        Map<String, String> p = schema.parameters();
        return p == null ? null : p.get(key);
    }

    /** The propagated source type in upper case, e.g. {@code BIGINT UNSIGNED}, {@code VARCHAR}, {@code INT4}. */
    public String sourceType() {
        String t = param(SOURCE_TYPE);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }

    public Integer intParam(String key) {
        String v = param(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
