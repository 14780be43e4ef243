package dev.ferry.source.debezium;

import static dev.ferry.source.debezium.MariaDbSourceConnectorTest.BIG_DECIMAL;
import static dev.ferry.source.debezium.MariaDbSourceConnectorTest.UNSIGNED_MAX;
import static dev.ferry.source.debezium.MariaDbSourceConnectorTest.decimal;
import static dev.ferry.source.debezium.MariaDbSourceConnectorTest.op;
import static dev.ferry.source.debezium.MariaDbSourceConnectorTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;
import dev.ferry.testkit.KafkaBroker;
import dev.ferry.testkit.KafkaExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

/** The compiled configuration, run by FerrySourceConnector in a real Connect worker against a real PostgreSQL. */
@ExtendWith({PostgresExtension.class, KafkaExtension.class})
class PostgresSourceConnectorTest {

    @Test
    void capturesSelectedTablesAndPartitionedRootOnce(PostgresDatabase db, KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        db.execute(
                "CREATE TABLE items (id NUMERIC(20,0) PRIMARY KEY, amount NUMERIC(65,30), secret TEXT, note TEXT)",
                "CREATE TABLE ignored (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE events (id INT, region TEXT, v INT, PRIMARY KEY (id, region)) PARTITION BY LIST (region)",
                "CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu')",
                "CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us')",
                "INSERT INTO items VALUES (" + UNSIGNED_MAX + ", " + BIG_DECIMAL + ", 's1', 'a'), (2, 1.5, 's2', 'b')",
                "INSERT INTO events VALUES (1, 'eu', 1), (2, 'us', 2)",
                "INSERT INTO ignored VALUES (1, 1)");

        String task = "pg-" + UUID.randomUUID().toString().substring(0, 6);
        try (ConnectHarness h = new ConnectHarness(kafka.bootstrapServers(), dir)) {
            Endpoint e = new Endpoint(Engine.POSTGRES, db.host(), db.port(), db.user(), Secret.plain(db.password()),
                    db.name(), TlsMode.NONE, null, null);
            SourceSpec spec = new SourceSpec(task, MigrationType.FULL_LOAD_AND_CDC, e, List.of(
                    new CapturedTable("public", "items", List.of("secret"), true),
                    CapturedTable.keyed("public", "events")),
                    kafka.bootstrapServers(),
                    SourceOptions.defaults().withPasswordFile(h.passwordFile(db.password())).withExactlyOnce(false));
            h.createTopics(DebeziumConfigCompiler.signalTopic(task));
            h.subscribe("^" + task + "\\..*");
            h.send(SnapshotSignal.incremental(spec));
            h.start(FerrySourceConnectorConfig.connectorConfig(spec));

            String items = task + ".public.items";
            String events = task + ".public.events";
            awaitRecords(h, db, () -> h.payloads(items).size() >= 2 && h.payloads(events).size() >= 2);
            db.execute("INSERT INTO items VALUES (3, 0.000000000000000000000000000001, 's3', 'c')",
                    "UPDATE items SET note = 'z' WHERE id = 2", "DELETE FROM items WHERE id = 3",
                    "INSERT INTO events VALUES (3, 'eu', 3), (4, 'us', 4)");
            awaitRecords(h, db, () -> h.payloads(items).stream().anyMatch(p -> op(p).equals("d"))
                    && h.payloads(events).size() >= 4);

            assertThat(h.records.stream().map(r -> r.topic()).distinct()).containsExactlyInAnyOrder(items, events);
            List<JsonNode> itemEvents = h.payloads(items);
            JsonNode max = row(itemEvents, "r", UNSIGNED_MAX.toString());
            assertThat(decimal(max.get("id"), 0).toBigIntegerExact()).isEqualTo(UNSIGNED_MAX);
            assertThat(decimal(max.get("amount"), 30)).isEqualByComparingTo(BIG_DECIMAL);
            assertThat(max.has("secret")).isFalse();
            assertThat(itemEvents.stream().map(MariaDbSourceConnectorTest::op).distinct()).contains("r", "c", "u", "d");

            List<JsonNode> partitioned = h.payloads(events);
            assertThat(partitioned).hasSize(4);
            assertThat(partitioned.stream().filter(p -> op(p).equals("r")).map(p -> p.get("after").get("id").asInt()))
                    .containsExactlyInAnyOrder(1, 2);
            assertThat(partitioned.stream().filter(p -> op(p).equals("c")).map(p -> p.get("after").get("id").asInt()))
                    .containsExactlyInAnyOrder(3, 4);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger POKE =
            new java.util.concurrent.atomic.AtomicInteger(1000);

    static void awaitRecords(ConnectHarness h, PostgresDatabase db, Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO)
                .conditionEvaluationListener(c -> {
                    if (c.getRemainingTimeInMS() <= 0) {
                        System.out.println("RECEIVED SO FAR:\n" + h.summary());
                    }
                }).until(() -> {
            h.poll();
            h.assertRunning(h.connectorName);
            // Source activity on an uncaptured table: the read-only incremental snapshot moves on WAL events.
            db.execute("INSERT INTO ignored VALUES (" + POKE.incrementAndGet() + ", 0)");
            return done.call();
        });
    }
}
