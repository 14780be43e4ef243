package dev.ferry.sink;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A test double of Connect's runtime side: records the seeks a task asks for. */
final class RecordingContext implements SinkTaskContext {
    final Map<TopicPartition, Long> seeks = new HashMap<>();

    @Override public Map<String, String> configs() { return Map.of(); }
    @Override public void offset(Map<TopicPartition, Long> offsets) { seeks.putAll(offsets); }
    @Override public void offset(TopicPartition tp, long offset) { seeks.put(tp, offset); }
    @Override public void timeout(long timeoutMs) { }
    @Override public Set<TopicPartition> assignment() { return seeks.keySet(); }
    @Override public void pause(TopicPartition... partitions) { }
    @Override public void resume(TopicPartition... partitions) { }
    @Override public void requestCommit() { }
    @Override public PluginMetrics pluginMetrics() { return null; }
}
