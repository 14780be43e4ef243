package dev.ferry.sink.contract;

import static dev.ferry.sink.DebeziumRecords.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sink.DebeziumRecords;
import dev.ferry.sink.FerrySinkTaskAccess;
import dev.ferry.testkit.KafkaBroker;
import dev.ferry.testkit.KafkaExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({PostgresExtension.class, KafkaExtension.class})
class LogStartOffsetTest {

    @Test
    void failsNamingTopicPartitionAndOffsetsWhenUnappliedRecordsWereDeleted(PostgresDatabase db, KafkaBroker kafka)
            throws Exception {
        String topic = "logstart.people";
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            produce(kafka, topic, 10);
            SinkHarness h = new SinkHarness(db, "ferry");
            Map<String, String> props = h.props("ferry.kafka.bootstrap.servers", kafka.bootstrapServers());
            DebeziumRecords r = DebeziumRecords.table(topic, "mariadb")
                    .column("id", SchemaBuilderOf.int64Key(), "BIGINT").column("name", string(), "VARCHAR", 40, null)
                    .key("id").build();
            FerrySinkTaskAccess first = h.task(props, topic);
            first.apply(r.insert(0, 1L, "a"), r.insert(1, 2L, "b"), r.insert(2, 3L, "c"), r.insert(3, 4L, "d"));
            first.stop();

            admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(4))).all().get();
            FerrySinkTaskAccess applied = h.task(props, topic);
            assertThat(applied.seeks).containsEntry(tp, 4L);
            applied.stop();

            admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(7))).all().get();
            assertThatThrownBy(() -> h.task(props, topic)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("topic logstart.people, partition 0")
                    .hasMessageContaining("stored offset is 4").hasMessageContaining("log-start offset is 7");
        }
    }

    private static void produce(KafkaBroker kafka, String topic, int n) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, 0, null, "v" + i)).get();
            }
        }
    }
}
