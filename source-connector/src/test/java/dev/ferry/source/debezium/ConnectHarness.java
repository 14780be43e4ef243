package dev.ferry.source.debezium;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real in-process Kafka Connect worker (standalone: offsets in a temp file, JsonConverter with schemas, plugins
 * found by ServiceLoader, a {@code file} config provider) plus the Kafka clients a test needs.
 */
final class ConnectHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String bootstrap;
    private final Path dir;
    private final Connect<StandaloneHerder> connect;
    private final KafkaConsumer<String, String> consumer;
    final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    String connectorName;

    ConnectHarness(String bootstrap, Path dir) throws Exception {
        this.bootstrap = bootstrap;
        this.dir = dir;
        Map<String, String> w = new HashMap<>();
        w.put("bootstrap.servers", bootstrap);
        w.put("listeners", "http://127.0.0.1:0");
        w.put("plugin.discovery", "service_load");
        w.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        w.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        w.put("key.converter.schemas.enable", "true");
        w.put("value.converter.schemas.enable", "true");
        // JsonConverter otherwise writes a field's schema default in place of null (see README)
        w.put("value.converter.replace.null.with.default", "false");
        w.put("key.converter.replace.null.with.default", "false");
        w.put("offset.storage.file.filename", dir.resolve("offsets.dat").toString());
        w.put("offset.flush.interval.ms", "2000");
        w.put("config.providers", "file");
        w.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        connect = new ConnectStandalone().startConnect(w);
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", "test-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        c.put("metadata.max.age.ms", "1000"); // pattern subscription must see topics Connect creates later
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
    }

    /** Writes {@code password} to a secrets file and returns the {@code ${file:…}} reference to it. */
    Path passwordFile(String password) throws Exception {
        Path f = dir.resolve("secrets.properties");
        Files.writeString(f, DebeziumConfigCompiler.PASSWORD_FILE_KEY + "=" + password + "\n", StandardCharsets.UTF_8);
        return f;
    }

    void createTopics(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> t = new ArrayList<>();
            for (String name : topics) {
                t.add(new NewTopic(name, 1, (short) 1));
            }
            admin.createTopics(t).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Submits the connector config (with Connect's topic creation, standing in for the runtime's own). */
    void start(Map<String, String> connectorConfig) throws Exception {
        Map<String, String> config = new HashMap<>(connectorConfig);
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        String name = config.get("name");
        connectorName = name;
        FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<
                org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> cb = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, config, false, cb);
        cb.get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ConnectorStateInfo s = connect.herder().connectorStatus(name);
            if (s.tasks().stream().anyMatch(t -> t.state().equals("FAILED"))) {
                throw new AssertionError("task failed: " + s.tasks().get(0).trace());
            }
            return !s.tasks().isEmpty() && s.tasks().get(0).state().equals("RUNNING");
        });
    }

    /** Fails fast when a task of connector {@code name} has failed. */
    void assertRunning(String name) {
        ConnectorStateInfo s = connect.herder().connectorStatus(name);
        s.tasks().stream().filter(t -> t.state().equals("FAILED")).findFirst().ifPresent(t -> {
            throw new AssertionError("task failed: " + t.trace());
        });
    }

    void send(SnapshotSignal signal) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(signal.topic(), signal.key(), signal.value())).get(30, TimeUnit.SECONDS);
        }
    }

    void subscribe(String topicRegex) {
        consumer.subscribe(Pattern.compile(topicRegex));
    }

    /** Polls once and keeps what arrived. */
    void poll() {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }

    List<ConsumerRecord<String, String>> on(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The {@code payload} of each non-tombstone record of {@code topic}. */
    List<JsonNode> payloads(String topic) {
        return on(topic).stream().filter(r -> r.value() != null).map(r -> read(r.value()).get("payload")).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Per topic: the ops seen, for failure messages. */
    String summary() {
        StringBuilder b = new StringBuilder();
        records.stream().map(ConsumerRecord::topic).distinct().forEach(t -> b.append(t).append(": ")
                .append(payloads(t).stream().map(p -> p.get("op") == null ? "?" : p.get("op").asText()).toList())
                .append('\n'));
        return b.toString();
    }

    @Override
    public void close() {
        consumer.close();
        connect.stop();
        connect.awaitStop();
    }
}
