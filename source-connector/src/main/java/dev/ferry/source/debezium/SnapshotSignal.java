package dev.ferry.source.debezium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kafka record that starts the full load of the keyed tables: Debezium's {@code execute-snapshot} signal of type
 * {@code INCREMENTAL}, sent to {@link DebeziumConfigCompiler#signalTopic(String)}.
 *
 * <p>The key must equal the connector's {@code topic.prefix} (the task name), or Debezium ignores the record. Debezium
 * reads each {@code data-collections} entry as a regular expression (case-sensitive, {@code matches()}) over the
 * captured table ids ({@code db.table} / {@code schema.table}) and falls back to the literal id when nothing matches.
 * A plain name made of letters, digits and {@code _} is written as is (its {@code .} separator can only match the
 * separator); any other name is written as an escaped exact pattern, so {@code a.b} or {@code x$y} select exactly
 * that table.
 *
 * @param key the record key
 * @param value the record value (JSON)
 */
public record SnapshotSignal(String topic, String key, String value) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The signal loading every keyed table of {@code spec}, in load order; null when there is no keyed table. */
    public static SnapshotSignal incremental(SourceSpec spec) {
        List<CapturedTable> keyed = spec.keyedTables();
        if (keyed.isEmpty() || !spec.migrationType().loadsExistingRows()) {
            return null;
        }
        return incremental(spec.taskName(), keyed);
    }

    /** The signal loading {@code tables} (in this order) for the connector of task {@code taskName}. */
    public static SnapshotSignal incremental(String taskName, List<CapturedTable> tables) {
        List<String> ids = new ArrayList<>();
        for (CapturedTable t : tables) {
            ids.add(dataCollection(t));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data-collections", ids);
        data.put("type", "INCREMENTAL");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "execute-snapshot");
        value.put("data", data);
        try {
            return new SnapshotSignal(DebeziumConfigCompiler.signalTopic(taskName), taskName,
                    JSON.writeValueAsString(value));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@code db.table} / {@code schema.table}, or an escaped exact pattern for names that are not plain words. */
    static String dataCollection(CapturedTable t) {
        if (plain(t.schema()) && plain(t.table())) {
            return t.schema() + "." + t.table();
        }
        return ExactPatterns.escape(t.schema()) + "\\." + ExactPatterns.escape(t.table());
    }

    private static boolean plain(String name) {
        return name.matches("[A-Za-z0-9_]+");
    }
}
