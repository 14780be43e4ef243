package dev.ferry.sink;

import dev.ferry.sink.apply.Flusher;
import dev.ferry.sink.config.SinkConfig;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.EventDecoder;
import dev.ferry.sink.event.KafkaCoordinates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once JDBC apply. Records are buffered; a flush commits rows, offsets (by original topic-partition) and
 * table state in one transaction. {@link #open} seeks to the stored offsets (the beginning when there are none, never
 * the consumer group's offset), and {@link #preCommit} only reports offsets that are durable in the target.
 */
public class FerrySinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(FerrySinkTask.class);
    private SinkConfig config;
    private SinkRuntime runtime;
    private EventDecoder decoder;
    private Flusher flusher;
    private LogStartCheck logStartCheck;
    private final List<ChangeEvent> buffer = new ArrayList<>();
    private long oldestBufferedAt;
    private final Map<TopicPartition, Long> generations = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    @Override
    public String version() {
        return FerrySinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SinkConfig(props);
        runtime = SinkRuntime.start(config);
        decoder = runtime.decoder();
        flusher = runtime.flusher();
        logStartCheck = new LogStartCheck(config.kafkaBootstrap(), config.taskName());
        LOG.info("Ferry sink task {} started: {}", config.taskName(), config);
    }

    /** Access for tests that simulate a failure at commit time. */
    Flusher flusher() {
        return flusher;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> resumeAt = new HashMap<>();
        for (TopicPartition tp : partitions) {
            var claim = runtime.claim(tp);
            generations.put(tp, claim.generation());
            if (claim.hasOffset()) {
                committed.put(tp, claim.nextOffset());
                context.offset(tp, claim.nextOffset());
            } else {
                committed.remove(tp);
                context.offset(tp, 0L);
            }
            resumeAt.put(tp, claim.hasOffset() ? claim.nextOffset() : 0L);
            LOG.info("Task {} owns {} (generation {}), resuming at {}", config.taskName(), tp, claim.generation(),
                    claim.hasOffset() ? "stored offset " + claim.nextOffset() : "the beginning (no stored offset)");
        }
        logStartCheck.verify(resumeAt);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        int mark = buffer.size();
        if (buffer.isEmpty() && !records.isEmpty()) {
            oldestBufferedAt = System.currentTimeMillis();
        }
        for (SinkRecord r : records) {
            buffer.add(decoder.decode(r));
        }
        boolean full = buffer.size() >= config.batchSize();
        boolean old = !buffer.isEmpty() && System.currentTimeMillis() - oldestBufferedAt >= config.flushIntervalMs();
        if (full || old) {
            try {
                flushBuffer();
            } catch (RetriableException e) {
                buffer.subList(mark, buffer.size()).clear();
                throw e;
            }
        }
    }

    private void flushBuffer() {
        if (buffer.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        TopicPartition tp = null;
        for (ChangeEvent e : buffer) {
            KafkaCoordinates at = e.coordinates();
            if (tp == null || at.partition() != tp.partition() || !at.topic().equals(tp.topic())) {
                tp = new TopicPartition(at.topic(), at.partition());
                if (!generations.containsKey(tp)) {
                    throw new ConnectException("Received " + at + " for a partition this task was not "
                            + "assigned; Ferry needs open() before put()");
                }
            }
            next.merge(tp, at.offset() + 1, Math::max);
        }
        committed.putAll(flusher.flush(List.copyOf(buffer), next, generations));
        buffer.clear();
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            flushBuffer();
            advancePastSkippedRecords(currentOffsets);
        } catch (RetriableException e) {
            LOG.warn("Flush before offset commit failed, will retry: {}", e.getMessage());
        }
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        committed.forEach((tp, off) -> out.put(tp, new OffsetAndMetadata(off)));
        return out;
    }

    /**
     * Records dropped by an SMT never reach {@link #put}; Connect's current offsets include them. With the buffer
     * empty every delivered record is durable, so the stored offset may move up to Connect's position.
     */
    private void advancePastSkippedRecords(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, Long> next = new HashMap<>();
        currentOffsets.forEach((tp, om) -> {
            if (generations.containsKey(tp) && om.offset() > committed.getOrDefault(tp, -1L)) {
                next.put(tp, om.offset());
            }
        });
        if (!next.isEmpty()) {
            committed.putAll(flusher.flush(List.of(), next, generations));
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // preCommit does the work; never rely on Connect's default flush(currentOffsets).
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        buffer.removeIf(e -> partitions.contains(new TopicPartition(e.coordinates().topic(), e.coordinates().partition())));
        partitions.forEach(tp -> {
            generations.remove(tp);
            committed.remove(tp);
        });
    }

    @Override
    public void stop() {
        if (logStartCheck != null) {
            logStartCheck.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
