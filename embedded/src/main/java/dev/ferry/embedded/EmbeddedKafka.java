package dev.ferry.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Used by {@code ferry migrate} when no bootstrap servers are configured, by {@code ferry demo} and by the tests.
 * The log directory survives a restart: a directory that already holds {@code meta.properties} is reused, otherwise
 * it is formatted once. {@code KafkaRaftServer} and {@code Formatter} are Kafka's own production classes but not a
 * public API; this is the only class that touches them.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        this.logDir = Objects.requireNonNull(builder.logDir, "logDir").toAbsolutePath();
        this.port = FreePorts.orFree(builder.port);
        this.controllerPort = FreePorts.orFree(builder.controllerPort);
        this.overrides = Map.copyOf(builder.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the log directory if needed and starts the broker; returns once it serves requests. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            throw new IllegalStateException("Kafka broker in " + logDir + " is already running");
        }
        long started = System.nanoTime();
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatIfNeeded();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("Kafka broker ready at {} in {} ms (log dir {})", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, logDir);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker and waits for it; the log directory is kept. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    Map<String, Object> brokerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB dedupe buffer is allocated on the heap; 8 MB is plenty for Connect's compacted topics.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("auto.create.topics.enable", "false");
        p.putAll(overrides);
        return p;
    }

    private void formatIfNeeded() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedServerException("Cannot format the Kafka log directory " + logDir
                    + ": " + e.getMessage() + "; delete the directory or choose another data-dir", e);
        }
    }

    /** Builder; ports default to free ephemeral ports. */
    public static final class Builder {
        private Path logDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller port; 0 (the default) picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Any broker property, applied last. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
