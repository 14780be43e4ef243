package dev.ferry.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.source.converter.FerryBinlogConverter;
import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;
import dev.ferry.testkit.KafkaBroker;
import dev.ferry.testkit.KafkaExtension;
import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;

/** The compiled configuration, run by FerrySourceConnector in a real Connect worker against a real MariaDB. */
@ExtendWith({MariaDbExtension.class, KafkaExtension.class})
class MariaDbSourceConnectorTest {
    static final BigInteger UNSIGNED_MAX = new BigInteger("18446744073709551615");
    static final BigDecimal BIG_DECIMAL =
            new BigDecimal("12345678901234567890123456789012345.123456789012345678901234567890");

    @Test
    void capturesExactlySelectedTablesAndColumnsWithValuesIntact(MariaDbDatabase db, KafkaBroker kafka,
                                                                 @TempDir Path dir) throws Exception {
        db.execute(
                "CREATE TABLE items (id BIGINT UNSIGNED PRIMARY KEY, amount DECIMAL(65,30), t TIME,"
                        + " secret VARCHAR(20), note VARCHAR(20), doc JSON)",
                "CREATE TABLE ignored (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE `x$y` (id INT PRIMARY KEY, v INT)",
                "CREATE TABLE zero_dates (id INT PRIMARY KEY, d DATE NOT NULL, dt DATETIME NOT NULL,"
                        + " dt6 DATETIME(6) NOT NULL, ts TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00',"
                        + " n INT)",
                "INSERT INTO items VALUES (18446744073709551615, " + BIG_DECIMAL + ", '-838:59:59', 's1', 'a',"
                        + " '{\"k\": 1}'), (2, 1.5, '838:59:59', 's2', 'b', NULL)",
                "INSERT INTO ignored VALUES (1, 1)",
                "INSERT INTO `x$y` VALUES (1, 10)");
        insertZeroDates(db, 1, 2);

        String task = "mdb-" + UUID.randomUUID().toString().substring(0, 6);
        try (ConnectHarness h = new ConnectHarness(kafka.bootstrapServers(), dir)) {
            Endpoint e = new Endpoint(Engine.MARIADB, db.host(), db.port(), db.replicationUser(),
                    Secret.plain(db.replicationPassword()), null, TlsMode.NONE, null, null);
            SourceSpec spec = new SourceSpec(task, MigrationType.FULL_LOAD_AND_CDC, e, List.of(
                    new CapturedTable(db.name(), "items", List.of("secret"), true, List.of("doc")),
                    CapturedTable.keyed(db.name(), "zero_dates"),
                    CapturedTable.keyed(db.name(), "x$y")),
                    kafka.bootstrapServers(),
                    SourceOptions.defaults().withPasswordFile(h.passwordFile(db.replicationPassword()))
                            .withExactlyOnce(false));
            h.createTopics(DebeziumConfigCompiler.signalTopic(task));
            h.subscribe("^" + task + "\\..*");
            h.send(SnapshotSignal.incremental(spec));
            h.start(FerrySourceConnectorConfig.connectorConfig(spec));

            String items = task + "." + db.name() + ".items";
            String zero = task + "." + db.name() + ".zero_dates";
            String xy = task + "." + db.name() + ".x_y";
            awaitRecords(h, db, () -> h.payloads(items).size() >= 2 && h.payloads(zero).size() >= 2
                    && h.payloads(xy).size() >= 1);

            db.execute("INSERT INTO items VALUES (3, 0.000000000000000000000000000001, '00:00:01', 's3', 'c', NULL)",
                    "UPDATE items SET note = 'z' WHERE id = 2", "DELETE FROM items WHERE id = 3",
                    "INSERT INTO ignored VALUES (2, 2)");
            insertZeroDates(db, 3, 4);
            awaitRecords(h, db, () -> h.payloads(items).stream().anyMatch(p -> op(p).equals("d"))
                    && h.payloads(zero).size() >= 4);

            assertThat(h.records).extracting(r -> r.topic()).doesNotContain(task + "." + db.name() + ".ignored");
            assertThat(h.records.stream().map(r -> r.topic()).distinct())
                    .containsExactlyInAnyOrder(items, zero, xy);

            List<JsonNode> itemEvents = h.payloads(items);
            JsonNode max = row(itemEvents, "r", UNSIGNED_MAX.toString());
            assertThat(decimal(max.get("id"), 0).toBigIntegerExact()).isEqualTo(UNSIGNED_MAX);
            assertThat(decimal(max.get("amount"), 30)).isEqualByComparingTo(BIG_DECIMAL);
            assertThat(max.get("t").asLong()).isEqualTo(-3_020_399_000_000L);
            assertThat(max.has("secret")).isFalse();
            assertThat(max.get("doc").asText()).isEqualTo("{\"k\": 1}");
            JsonNode two = row(itemEvents, "r", "2");
            assertThat(two.get("t").asLong()).isEqualTo(3_020_399_000_000L);
            assertThat(itemEvents.stream().map(MariaDbSourceConnectorTest::op).distinct())
                    .contains("r", "c", "u", "d");
            assertThat(h.on(items).stream().anyMatch(r -> r.value() == null)).as("tombstone").isTrue();

            JsonNode schema = ConnectHarness.read(h.on(items).get(0).value()).get("schema");
            JsonNode after = field(schema, "after");
            assertThat(field(after, "doc").get("name").asText()).isEqualTo(FerryBinlogConverter.JSON_SCHEMA_NAME);
            assertThat(after.get("fields").findValuesAsText("field")).doesNotContain("secret");

            assertZeroDates(h.payloads(zero), "r", 1, 2);
            assertZeroDates(h.payloads(zero), "c", 3, 4);
            JsonNode zeroAfter = field(ConnectHarness.read(h.on(zero).get(0).value()).get("schema"), "after");
            assertThat(field(zeroAfter, "d").get("optional").asBoolean()).isTrue();
            assertThat(field(zeroAfter, "d").get("name").asText()).isEqualTo("io.debezium.time.Date");
            assertThat(field(zeroAfter, "dt").get("name").asText()).isEqualTo("io.debezium.time.Timestamp");
            assertThat(field(zeroAfter, "dt6").get("name").asText()).isEqualTo("io.debezium.time.MicroTimestamp");
            assertThat(field(zeroAfter, "ts").get("name").asText()).isEqualTo("io.debezium.time.ZonedTimestamp");
        }
    }

    /** Row {@code a} holds zero dates, row {@code b} the real 1970-01-01 (and a real TIMESTAMP). */
    static void insertZeroDates(MariaDbDatabase db, int a, int b) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            s.execute("SET SESSION time_zone = '+00:00'");
            s.execute("INSERT INTO zero_dates VALUES (" + a + ", '0000-00-00', '0000-00-00 00:00:00',"
                    + " '0000-00-00 00:00:00', '0000-00-00 00:00:00', 0)");
            s.execute("INSERT INTO zero_dates VALUES (" + b + ", '1970-01-01', '1970-01-01 00:00:00',"
                    + " '1970-01-01 00:00:00.000001', '2024-01-02 03:04:05', 0)");
        }
    }

    static void assertZeroDates(List<JsonNode> events, String op, int zeroId, int realId) {
        JsonNode z = row(events, op, String.valueOf(zeroId));
        assertThat(z.get("d").isNull()).as("zero DATE in %s", z).isTrue();
        assertThat(z.get("dt").isNull()).as("zero DATETIME in %s", z).isTrue();
        assertThat(z.get("dt6").isNull()).as("zero DATETIME(6) in %s", z).isTrue();
        assertThat(z.get("ts").isNull()).as("zero TIMESTAMP in %s", z).isTrue();
        JsonNode r = row(events, op, String.valueOf(realId));
        assertThat(r.get("d").asLong()).as("real DATE in %s", r).isEqualTo(0);
        assertThat(r.get("dt").asLong()).as("real DATETIME in %s", r).isEqualTo(0);
        assertThat(r.get("dt6").asLong()).as("real DATETIME(6) in %s", r).isEqualTo(1);
        assertThat(r.get("ts").asText()).as("real TIMESTAMP in %s", r).isEqualTo("2024-01-02T03:04:05Z");
    }

    private static final java.util.concurrent.atomic.AtomicInteger POKE =
            new java.util.concurrent.atomic.AtomicInteger(1000);

    static void awaitRecords(ConnectHarness h, MariaDbDatabase db, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO)
                .conditionEvaluationListener(c -> {
                    if (c.getRemainingTimeInMS() <= 0) {
                        System.out.println("RECEIVED SO FAR:\n" + h.summary());
                    }
                }).until(() -> {
            h.poll();
            h.assertRunning(h.connectorName);
            // Source activity: a read-only incremental snapshot only moves when binlog events arrive.
            db.execute("INSERT INTO ignored VALUES (" + POKE.incrementAndGet() + ", 0)");
            return done.call();
        });
    }

    static String op(JsonNode payload) {
        return payload.get("op").asText();
    }

    /** The {@code after} (or {@code before} for a delete) of the event with this op and key value. */
    static JsonNode row(List<JsonNode> events, String op, String id) {
        return events.stream().filter(p -> op(p).equals(op))
                .map(p -> op.equals("d") ? p.get("before") : p.get("after"))
                .filter(a -> idOf(a.get("id")).equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + op + " event for id " + id + " in " + events));
    }

    private static String idOf(JsonNode id) {
        return id.isTextual() ? decimal(id, 0).toPlainString() : id.asText();
    }

    static BigDecimal decimal(JsonNode base64, int scale) {
        return new BigDecimal(new BigInteger(Base64.getDecoder().decode(base64.asText())), scale);
    }

    static JsonNode field(JsonNode structSchema, String name) {
        for (JsonNode f : structSchema.get("fields")) {
            if (f.get("field").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + structSchema);
    }
}
