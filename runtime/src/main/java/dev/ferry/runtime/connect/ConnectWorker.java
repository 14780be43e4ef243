package dev.ferry.runtime.connect;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.embedded.FreePorts;

/**
 * An in-process Kafka Connect worker in distributed mode (brief §2): one machine and a cluster run the same code.
 * Its group and internal topics are named after the task ({@code ferry-<name>-connect-*}), so tasks sharing a Kafka
 * never join each other's worker. Secrets reach connectors through config providers only.
 */
public final class ConnectWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);

    private final Connect<DistributedHerder> connect;
    private final int restPort;
    private final ConnectRest rest;

    private ConnectWorker(Connect<DistributedHerder> connect, int restPort) {
        this.connect = connect;
        this.restPort = restPort;
        this.rest = new ConnectRest("http://127.0.0.1:" + restPort);
    }

    /**
     * Starts a worker and waits until its REST API answers.
     *
     * @param singleNode the embedded broker: internal topics with replication factor 1
     * @param overrides any worker property, applied last
     */
    public static ConnectWorker start(String taskName, String bootstrapServers, boolean singleNode,
                                      Map<String, String> overrides) {
        int port = FreePorts.pick();
        Map<String, String> props = workerProperties(taskName, bootstrapServers, singleNode, port);
        props.putAll(overrides);
        long t0 = System.nanoTime();
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(props);
        ConnectWorker worker = new ConnectWorker(connect, port);
        worker.rest.awaitReady(Duration.ofSeconds(90));
        LOG.info("Kafka Connect worker ready on port {} in {} ms", port, (System.nanoTime() - t0) / 1_000_000);
        return worker;
    }

    static Map<String, String> workerProperties(String taskName, String bootstrap, boolean singleNode, int port) {
        String prefix = "ferry-" + taskName + "-connect";
        String rf = singleNode ? "1" : "-1";
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", prefix);
        p.put("config.storage.topic", prefix + "-configs");
        p.put("offset.storage.topic", prefix + "-offsets");
        p.put("status.storage.topic", prefix + "-status");
        p.put("config.storage.replication.factor", rf);
        p.put("offset.storage.replication.factor", rf);
        p.put("status.storage.replication.factor", rf);
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("listeners", "http://127.0.0.1:" + port);
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("rest.advertised.port", String.valueOf(port));
        p.put("plugin.discovery", "service_load");
        p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("key.converter.schemas.enable", "true");
        p.put("value.converter.schemas.enable", "true");
        // JsonConverter would otherwise write a column's DEFAULT where the row holds NULL (Debezium puts defaults in
        // the field schemas): silent data change.
        p.put("key.converter.replace.null.with.default", "false");
        p.put("value.converter.replace.null.with.default", "false");
        p.put("config.providers", "file,env");
        p.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        p.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        p.put("exactly.once.source.support", "enabled");
        p.put("offset.flush.interval.ms", "2000");
        p.put("consumer.isolation.level", "read_committed");
        p.put("connector.client.config.override.policy", "All");
        p.put("task.shutdown.graceful.timeout.ms", "20000");
        // A restarted single worker must get its tasks back at once, not after the default 5 minute delay.
        p.put("scheduled.rebalance.max.delay.ms", "0");
        return p;
    }

    public ConnectRest rest() {
        return rest;
    }

    public int restPort() {
        return restPort;
    }

    /** Stops the worker: connectors and tasks stop, offsets are flushed. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
