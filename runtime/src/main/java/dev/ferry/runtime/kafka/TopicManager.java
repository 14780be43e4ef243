package dev.ferry.runtime.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates and cleans up a task's topics (brief §4a): one partition, {@code cleanup.policy=delete},
 * {@code retention.ms=-1} so that no unapplied event is lost to retention, and deletion of records the sink has
 * durably applied.
 */
public final class TopicManager implements AutoCloseable {
    private static final long TIMEOUT_S = 60;
    private final Admin admin;
    private final Optional<Short> replication;

    /** @param singleNode replication factor 1 (embedded broker); otherwise the broker's default */
    public TopicManager(String bootstrapServers, boolean singleNode) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"));
        this.replication = singleNode ? Optional.of((short) 1) : Optional.empty();
    }

    /** Creates the data topics that do not exist yet; existing ones are left as they are. */
    public void ensureDataTopics(Collection<String> topics) {
        Map<String, String> config = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
        ensure(topics, config);
    }

    /** Creates compacted topics (e.g. signals, notifications are plain; schema history is created by Debezium). */
    public void ensure(Collection<String> topics, Map<String, String> config) {
        Set<String> existing = names();
        List<NewTopic> missing = new ArrayList<>();
        for (String t : topics) {
            if (!existing.contains(t)) {
                missing.add(new NewTopic(t, Optional.of(1), replication).configs(config));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("cannot create topics " + missing.stream().map(NewTopic::name).toList(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new KafkaException("cannot create topics " + missing.stream().map(NewTopic::name).toList(), e);
        }
    }

    public Set<String> names() {
        try {
            return admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new KafkaException("cannot list topics", e);
        }
    }

    /** Offset of the next record to be written, per partition 0 of each topic. */
    public Map<String, Long> endOffsets(Collection<String> topics) {
        return offsets(topics, OffsetSpec.latest());
    }

    /** First offset still in the log, per partition 0 of each topic. */
    public Map<String, Long> startOffsets(Collection<String> topics) {
        return offsets(topics, OffsetSpec.earliest());
    }

    private Map<String, Long> offsets(Collection<String> topics, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.forEach(t -> request.put(new TopicPartition(t, 0), spec));
        try {
            Map<String, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp.topic(), info.offset()));
            return out;
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new KafkaException("cannot read offsets of " + topics, e);
        }
    }

    /** Deletes every record below the given offset (the next offset the sink will read), per topic. */
    public void deleteRecordsBefore(Map<String, Long> applied) {
        Map<TopicPartition, RecordsToDelete> request = new HashMap<>();
        applied.forEach((t, o) -> {
            if (o > 0) {
                request.put(new TopicPartition(t, 0), RecordsToDelete.beforeOffset(o));
            }
        });
        if (request.isEmpty()) {
            return;
        }
        try {
            admin.deleteRecords(request).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new KafkaException("cannot delete applied records of " + applied.keySet(), e);
        }
    }

    /** Deletes topics that exist; missing ones are ignored. */
    public void delete(Collection<String> topics) {
        Set<String> existing = names();
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(present).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new KafkaException("cannot delete topics " + present, e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new KafkaException("cannot delete topics " + present, e);
        }
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
