package dev.ferry.runtime.migrate;

import java.nio.file.Path;

import dev.ferry.embedded.EmbeddedKafka;

/** The task's Kafka: the embedded single-node broker under the data directory, or the configured cluster. */
public final class KafkaEnvironment implements AutoCloseable {
    private final EmbeddedKafka embedded;
    private final String bootstrapServers;

    private KafkaEnvironment(EmbeddedKafka embedded, String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaEnvironment start(String configuredBootstrap, Path embeddedLogDir) {
        if (configuredBootstrap != null && !configuredBootstrap.isBlank()) {
            return new KafkaEnvironment(null, configuredBootstrap);
        }
        EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(embeddedLogDir).build().start();
        return new KafkaEnvironment(kafka, kafka.bootstrapServers());
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int brokerPort() {
        return embedded == null ? -1 : embedded.port();
    }

    public int controllerPort() {
        return embedded == null ? -1 : embedded.controllerPort();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
