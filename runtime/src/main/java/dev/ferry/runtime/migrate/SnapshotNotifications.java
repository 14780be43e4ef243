package dev.ferry.runtime.migrate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Debezium's notifications (the {@code sink} channel's topic) to learn which tables' snapshots are done:
 * {@code TABLE_SCAN_COMPLETED} for incremental and initial snapshots alike, empty tables included.
 */
public final class SnapshotNotifications implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;

    /** A table whose snapshot the source reported done ({@code db.table} / {@code schema.table}). */
    public record ScanCompleted(String dataCollection, String aggregateType, long rowsScanned) {
    }

    public SnapshotNotifications(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
    }

    /** New completions since the last call. */
    public List<ScanCompleted> poll() {
        List<ScanCompleted> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            ScanCompleted c = parse(r.value());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    static ScanCompleted parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(value);
            JsonNode payload = n.has("payload") ? n.get("payload") : n;
            if (!"TABLE_SCAN_COMPLETED".equals(payload.path("type").asText())) {
                return null;
            }
            JsonNode data = payload.path("additional_data");
            // Incremental snapshots name the table data_collection, initial snapshots scanned_collection.
            String collection = data.path("data_collection").asText(data.path("scanned_collection").asText(null));
            if (collection == null) {
                return null;
            }
            long rows = data.path("total_rows_scanned").asLong(data.path("scanned_collection").asLong(-1));
            return new ScanCompleted(collection, payload.path("aggregate_type").asText(), rows);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
