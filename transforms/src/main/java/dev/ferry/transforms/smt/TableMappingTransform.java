package dev.ferry.transforms.smt;

import dev.ferry.transforms.plan.MappingRules;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

import java.util.HashMap;
import java.util.Map;

/**
 * Applies an AWS DMS table-mapping document to Debezium change events on the sink side (brief section 4a):
 * routes each record to the topic {@code targetSchema.targetTable}, renames, drops, keeps-only, adds, converts
 * and masks fields in the key, {@code before} and {@code after}, rebuilds the key for {@code define-primary-key},
 * and applies source filters. Records of tables the document does not select are dropped; records on topics
 * that are not table topics ({@code <topic.prefix>} schema changes, heartbeats) pass through untouched.
 *
 * <p>Derived schemas and the per-table plan are cached per (topic, key schema, value schema); input records are
 * never modified.
 */
public final class TableMappingTransform implements Transformation<SinkRecord> {
    private static final int MAX_CACHE = 4096;

    private record CacheKey(String topic, Schema keySchema, Schema valueSchema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && k.topic.equals(topic) && k.keySchema == keySchema
                    && k.valueSchema == valueSchema;
        }

        @Override
        public int hashCode() {
            return topic.hashCode() * 31 + System.identityHashCode(keySchema) * 17
                    + System.identityHashCode(valueSchema);
        }
    }

    /** A cached decision: {@code table == null} means the record's table is not selected. */
    private record Entry(CompiledTable table) {
    }

    private final Map<CacheKey, Entry> cache = new HashMap<>();
    private final Map<String, String> sourceByTarget = new HashMap<>();
    private TableCompiler compiler;
    private TopicResolver topics;
    private CacheKey lastKey;
    private Entry lastEntry;

    @Override
    public void configure(Map<String, ?> props) {
        TableMappingConfig config = TableMappingConfig.from(props);
        compiler = new TableCompiler(new MappingRules(config.document(), config.identifierCase(),
                config.caseInsensitiveNames()));
        topics = new TopicResolver(config.topicPrefix());
        cache.clear();
        sourceByTarget.clear();
        lastKey = null;
        lastEntry = null;
    }

    @Override
    public SinkRecord apply(SinkRecord record) {
        if (!topics.isTableTopic(record.topic())) {
            return record;
        }
        if (record.value() == null && record.valueSchema() == null
                && (record.keySchema() == null || record.keySchema().type() != Schema.Type.STRUCT)) {
            // Debezium's tombstone after a delete on a table without a key: the delete event before it already
            // carried the row; there is nothing to apply.
            return null;
        }
        try {
            Entry entry = entry(record);
            return entry.table == null ? null : entry.table.apply(record);
        } catch (DataException | ClassCastException e) {
            throw new DataException("Cannot apply the table mapping to the record at " + where(record) + ": "
                    + e.getMessage(), e);
        }
    }

    private Entry entry(SinkRecord record) {
        Entry last = lastEntry;
        if (last != null && lastKey.topic.equals(record.topic()) && lastKey.keySchema == record.keySchema()
                && lastKey.valueSchema == record.valueSchema()) {
            return last;
        }
        CacheKey key = new CacheKey(record.topic(), record.keySchema(), record.valueSchema());
        Entry entry = cache.get(key);
        if (entry == null) {
            entry = compile(record);
            if (cache.size() >= MAX_CACHE) {
                cache.clear();
            }
            cache.put(key, entry);
        }
        lastKey = key;
        lastEntry = entry;
        return entry;
    }

    private Entry compile(SinkRecord record) {
        SourceTable source = topics.resolve(record.topic(), record.value());
        CompiledTable table = compiler.compile(source, record.topic(), record.keySchema(), record.valueSchema())
                .orElse(null);
        if (table != null) {
            String previous = sourceByTarget.putIfAbsent(table.topic(), source.toString());
            if (previous != null && !previous.equals(source.toString())) {
                throw new DataException("source tables " + previous + " and " + source + " are both mapped to "
                        + table.topic() + "; DMS does not merge tables, so rename one of them");
            }
        }
        return new Entry(table);
    }

    private static String where(ConnectRecord<?> record) {
        String offset = record instanceof SinkRecord s ? "/" + s.kafkaOffset() : "";
        return record.topic() + "/" + record.kafkaPartition() + offset;
    }

    @Override
    public ConfigDef config() {
        return TableMappingConfig.CONFIG_DEF;
    }

    @Override
    public void close() {
        cache.clear();
    }
}
