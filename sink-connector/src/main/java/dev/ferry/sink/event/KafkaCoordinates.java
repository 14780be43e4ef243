package dev.ferry.sink.event;

/** Where a record came from, always the original topic-partition-offset (before any routing SMT, KIP-793). */
public record KafkaCoordinates(String topic, int partition, long offset) {
    @Override
    public String toString() {
        return "topic " + topic + ", partition " + partition + ", offset " + offset;
    }
}
