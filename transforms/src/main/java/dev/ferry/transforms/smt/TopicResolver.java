package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the source table of a record. Debezium topics are {@code <prefix>.<schema>.<table>}; the envelope's
 * {@code source} block names the table exactly ({@code schema} on PostgreSQL, {@code db} on MySQL/MariaDB), so it
 * wins when present and is remembered per topic (tombstones carry no source block). Without one, the topic is split
 * after the prefix at the first dot.
 */
final class TopicResolver {
    private final String prefix;
    private final Map<String, SourceTable> byTopic = new HashMap<>();

    TopicResolver(String topicPrefix) {
        this.prefix = topicPrefix + ".";
    }

    /** True for topics of captured tables; false for the schema-change, heartbeat and other topics. */
    boolean isTableTopic(String topic) {
        return topic.startsWith(prefix) && topic.indexOf('.', prefix.length()) > prefix.length();
    }

    SourceTable resolve(String topic, Object value) {
        SourceTable known = byTopic.get(topic);
        if (known != null) {
            return known;
        }
        SourceTable found = fromSource(value);
        if (found == null) {
            String rest = topic.substring(prefix.length());
            int dot = rest.indexOf('.');
            return new SourceTable(rest.substring(0, dot), rest.substring(dot + 1));
        }
        byTopic.put(topic, found);
        return found;
    }

    private static SourceTable fromSource(Object value) {
        if (!(value instanceof Struct envelope) || envelope.schema().field("source") == null) {
            return null;
        }
        Object s = envelope.get("source");
        if (!(s instanceof Struct source)) {
            return null;
        }
        String table = text(source, "table");
        String schema = text(source, "schema");
        if (schema == null) {
            schema = text(source, "db");
        }
        return table == null || schema == null ? null : new SourceTable(schema, table);
    }

    private static String text(Struct s, String name) {
        Field f = s.schema().field(name);
        Object v = f == null ? null : s.get(f);
        return v == null ? null : v.toString();
    }
}
