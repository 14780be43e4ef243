package dev.ferry.runtime.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Answers "has the sink applied everything below offset N?" exactly, despite transaction markers: with exactly-once
 * sources, markers take offsets of their own, so the sink's next offset can stay below the end offset although no
 * record is left. This reads (read_committed) from the sink's offset up to N and looks for a record.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicProbe(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** True when no committed record lies in {@code [from, to)} of partition 0 of {@code topic}. */
    public boolean noRecordsBetween(String topic, long from, long to) {
        from = Math.max(0, from);
        if (from >= to) {
            return true;
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.offset() < to) {
                    return false;
                }
            }
            if (consumer.position(tp) >= to) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
