package dev.ferry.testkit;

/** The test JVM's Kafka broker (embedded single-node KRaft, or {@code FERRY_TEST_KAFKA_BOOTSTRAP}). */
public record KafkaBroker(String bootstrapServers) {
}
