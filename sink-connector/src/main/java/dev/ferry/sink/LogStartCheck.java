package dev.ferry.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails the task when records it has not applied yet were deleted: the offset it resumes at is below the partition's
 * log-start offset. Records below the stored offset being gone is normal (Ferry deletes applied records).
 */
final class LogStartCheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogStartCheck.class);
    private final String bootstrap;
    private final String task;
    private Admin admin;
    private boolean skipLogged;

    LogStartCheck(String bootstrap, String task) {
        this.bootstrap = bootstrap;
        this.task = task;
    }

    /** {@code resumeAt}: the offset each partition will be read from (the stored offset, or 0 without one). */
    void verify(Map<TopicPartition, Long> resumeAt) {
        if (resumeAt.isEmpty()) {
            return;
        }
        if (bootstrap.isEmpty()) {
            if (!skipLogged) {
                LOG.info("Task {}: ferry.kafka.bootstrap.servers is not set, so open() cannot check that no "
                        + "unapplied record was deleted from its partitions", task);
                skipLogged = true;
            }
            return;
        }
        Map<TopicPartition, Long> logStart = logStart(resumeAt.keySet());
        for (Map.Entry<TopicPartition, Long> en : resumeAt.entrySet()) {
            long start = logStart.getOrDefault(en.getKey(), 0L);
            if (en.getValue() < start) {
                TopicPartition tp = en.getKey();
                throw new ConnectException("Records of topic " + tp.topic() + ", partition " + tp.partition()
                        + " were deleted before task " + task + " applied them: the stored offset is " + en.getValue()
                        + " but the log-start offset is " + start + ", so offsets " + en.getValue() + " to "
                        + (start - 1) + " are lost. The target no longer matches the source; reload the affected "
                        + "table (ferry migrate --restart) and check who deletes records or set retention.ms=-1");
            }
        }
    }

    private Map<TopicPartition, Long> logStart(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, OffsetSpec.earliest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info =
                    admin().listOffsets(query).all().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            info.forEach((tp, i) -> out.put(tp, i.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the log-start offsets of " + partitions, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Cannot read the log-start offsets of " + partitions + " from Kafka at "
                    + bootstrap + " (ferry.kafka.bootstrap.servers): " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "ferry-sink-" + task + "-log-start");
            admin = Admin.create(p);
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
            admin = null;
        }
    }
}
