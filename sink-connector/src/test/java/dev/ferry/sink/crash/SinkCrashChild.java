package dev.ferry.sink.crash;

import dev.ferry.sink.FerrySinkTaskAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Main class of the child JVM of {@link SinkCrashTest}: a real {@code FerrySinkTask} (Connect replaced by the test
 * context) consumes the {@link CrashStream} from the offsets the task seeks to, in small put() batches with a
 * preCommit() after every other put, as a Connect worker would, until the parent kills the JVM with SIGKILL.
 *
 * <p>Arguments: url user password control-schema schema changes seed. The password is passed as an argument of a
 * throw-away test database; never do this with a real secret.
 */
public final class SinkCrashChild {
    private SinkCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> props = props(args[0], args[1], args[2], args[3]);
        CrashStream stream = new CrashStream(args[4], Integer.parseInt(args[5]), Long.parseLong(args[6]));
        FerrySinkTaskAccess t = FerrySinkTaskAccess.started(props, stream.pkTopic, stream.nopkTopic);
        Map<String, Long> positions = new HashMap<>();
        t.seeks.forEach((tp, offset) -> positions.put(tp.topic(), offset));
        new java.util.TreeMap<>(positions).forEach((topic, offset) -> System.out.println("SEEK " + topic + " " + offset));
        System.out.flush();
        List<SinkRecord> todo = stream.from(positions);
        Random rnd = new Random(System.nanoTime());
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        int puts = 0;
        for (int i = 0; i < todo.size(); ) {
            int n = Math.min(1 + rnd.nextInt(9), todo.size() - i);
            List<SinkRecord> batch = todo.subList(i, i + n);
            t.task.put(batch);
            for (SinkRecord r : batch) {
                current.put(new TopicPartition(r.originalTopic(), r.originalKafkaPartition()),
                        new OffsetAndMetadata(r.originalKafkaOffset() + 1));
            }
            if (++puts % 2 == 0) {
                t.task.preCommit(new HashMap<>(current));
            }
            i += n;
        }
        t.task.preCommit(new HashMap<>(current));
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static Map<String, String> props(String url, String user, String password, String controlSchema) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "crash");
        p.put("connection.url", url);
        p.put("connection.user", user);
        p.put("connection.password", password);
        p.put("control-schema", controlSchema);
        p.put("batch.size", "13");
        p.put("flush.interval.ms", "2");
        p.put("retry.backoff.ms", "10");
        return p;
    }
}
