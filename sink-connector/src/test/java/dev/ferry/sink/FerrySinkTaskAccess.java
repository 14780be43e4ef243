package dev.ferry.sink;

import dev.ferry.sink.apply.Flusher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** A started and opened sink task as a test drives it (the Connect runtime replaced by {@link RecordingContext}). */
public final class FerrySinkTaskAccess {
    public final FerrySinkTask task = new FerrySinkTask();
    public final Map<TopicPartition, Long> seeks;

    private FerrySinkTaskAccess(Map<String, String> props, String... topics) {
        RecordingContext context = new RecordingContext();
        seeks = context.seeks;
        task.initialize(context);
        task.start(props);
        List<TopicPartition> tps = new ArrayList<>();
        for (String t : topics) {
            tps.add(new TopicPartition(t, 0));
        }
        task.open(tps);
    }

    public static FerrySinkTaskAccess started(Map<String, String> props, String... topics) {
        return new FerrySinkTaskAccess(props, topics);
    }

    /** put() then preCommit(), as Connect does at its next offset commit. */
    public Map<TopicPartition, OffsetAndMetadata> apply(SinkRecord... records) {
        task.put(List.of(records));
        return commit(List.of(records));
    }

    public Map<TopicPartition, OffsetAndMetadata> commit(Collection<SinkRecord> delivered) {
        Map<TopicPartition, OffsetAndMetadata> current = new java.util.HashMap<>();
        for (SinkRecord r : delivered) {
            current.merge(new TopicPartition(r.originalTopic(), r.originalKafkaPartition()),
                    new OffsetAndMetadata(r.originalKafkaOffset() + 1), (a, b) -> a.offset() > b.offset() ? a : b);
        }
        return task.preCommit(current);
    }

    public Flusher flusher() {
        return task.flusher();
    }

    public void stop() {
        task.close(seeks.keySet());
        task.stop();
    }

    /** Abandons the task as a crash would: nothing flushed, nothing closed except its connection. */
    public void crash() {
        task.stop();
    }
}
