package dev.ferry.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.debezium.function.Predicates;
import io.debezium.relational.Selectors;
import io.debezium.relational.TableId;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;

class DebeziumConfigCompilerTest {
    static final String BS = "127.0.0.1:9092";

    static Endpoint endpoint(Engine engine, String db) {
        return new Endpoint(engine, "db.local", engine.defaultPort(), "repl", Secret.resolve("${env:SRC_PW}", Path.of("/"),
                Secret.envOf(Map.of("SRC_PW", "hunter2"))), db, TlsMode.NONE, null, null);
    }

    static SourceSpec spec(Engine engine, MigrationType type, List<CapturedTable> tables) {
        return new SourceSpec("shop-to-pg", type, endpoint(engine, engine == Engine.POSTGRES ? "shop" : null), tables,
                BS, SourceOptions.defaults());
    }

    @Test
    void compilesMariaDbFullLoadOfKeyedTablesToTheGoldenMap() {
        Map<String, String> c = DebeziumConfigCompiler.compile(spec(Engine.MARIADB, MigrationType.FULL_LOAD_AND_CDC,
                List.of(new CapturedTable("shop", "orders", List.of("card"), true, List.of("doc")),
                        CapturedTable.keyed("shop", "items"))));
        assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("name", "ferry-shop-to-pg-source"),
                entry("connector.class", "io.debezium.connector.mariadb.MariaDbConnector"),
                entry("tasks.max", "1"),
                entry("topic.prefix", "shop-to-pg"),
                entry("database.hostname", "db.local"),
                entry("database.port", "3306"),
                entry("database.user", "repl"),
                entry("database.password", "${env:SRC_PW}"),
                entry("decimal.handling.mode", "precise"),
                entry("binary.handling.mode", "bytes"),
                entry("skipped.operations", "none"),
                entry("tombstones.on.delete", "true"),
                entry("column.propagate.source.type", ".*"),
                entry("include.unknown.datatypes", "false"),
                entry("provide.transaction.metadata", "false"),
                entry("database.server.id", String.valueOf(DebeziumConfigCompiler.serverId("shop-to-pg"))),
                entry("database.include.list", "^(?-i:shop)$"),
                entry("table.include.list", "^(?-i:shop\\.orders)$,^(?-i:shop\\.items)$"),
                entry("column.exclude.list", "^(?-i:shop\\.orders\\.card)$"),
                entry("bigint.unsigned.handling.mode", "precise"),
                entry("time.precision.mode", "adaptive_time_microseconds"),
                entry("include.schema.changes", "false"),
                entry("schema.history.internal.kafka.topic", "ferry-shop-to-pg-schema-history"),
                entry("schema.history.internal.kafka.bootstrap.servers", BS),
                entry("schema.history.internal.store.only.captured.tables.ddl", "true"),
                entry("snapshot.locking.mode", "none"),
                entry("connect.keep.alive.interval.ms", "1000"),
                entry("converters", "ferry"),
                entry("ferry.type", "dev.ferry.source.converter.FerryBinlogConverter"),
                entry("ferry.json.columns", "[[\"shop\",\"orders\",\"doc\"]]"),
                entry("database.ssl.mode", "disable"),
                entry("snapshot.mode", "no_data"),
                entry("read.only", "true"),
                entry("signal.enabled.channels", "kafka"),
                entry("signal.kafka.topic", "ferry-shop-to-pg-signals"),
                entry("signal.kafka.bootstrap.servers", BS),
                entry("signal.kafka.groupId", "ferry-shop-to-pg-signals"),
                entry("incremental.snapshot.chunk.size", "10000"),
                entry("signal.poll.interval.ms", "1000"),
                entry("signal.kafka.poll.timeout.ms", "1000"),
                entry("heartbeat.interval.ms", "1000"),
                entry("topic.heartbeat.prefix", "ferry-shop-to-pg-heartbeat"),
                entry("notification.enabled.channels", "sink"),
                entry("notification.sink.topic.name", "ferry-shop-to-pg-notifications"),
                entry("exactly.once.support", "required"),
                entry("transaction.boundary", "poll")));
    }

    @Test
    void compilesPostgresFullLoadWithKeylessTableToTheGoldenMap() {
        SourceSpec s = new SourceSpec("shop-to-pg", MigrationType.FULL_LOAD, endpoint(Engine.POSTGRES, "shop"),
                List.of(CapturedTable.keyed("public", "orders"), CapturedTable.keyless("public", "audit_log")), BS,
                SourceOptions.defaults().withHeartbeatTable("ferry.ferry_heartbeat"));
        Map<String, String> c = DebeziumConfigCompiler.compile(s);
        assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("name", "ferry-shop-to-pg-source"),
                entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                entry("tasks.max", "1"),
                entry("topic.prefix", "shop-to-pg"),
                entry("database.hostname", "db.local"),
                entry("database.port", "5432"),
                entry("database.user", "repl"),
                entry("database.password", "${env:SRC_PW}"),
                entry("database.dbname", "shop"),
                entry("decimal.handling.mode", "precise"),
                entry("binary.handling.mode", "bytes"),
                entry("skipped.operations", "none"),
                entry("tombstones.on.delete", "true"),
                entry("column.propagate.source.type", ".*"),
                entry("include.unknown.datatypes", "false"),
                entry("provide.transaction.metadata", "false"),
                entry("table.include.list", "^(?-i:public\\.orders)$,^(?-i:public\\.audit_log)$"),
                entry("plugin.name", "pgoutput"),
                entry("slot.name", "ferry_shop_to_pg"),
                entry("publication.name", "ferry_shop_to_pg"),
                entry("publication.autocreate.mode", "filtered"),
                entry("publish.via.partition.root", "true"),
                entry("interval.handling.mode", "string"),
                entry("hstore.handling.mode", "json"),
                entry("database.sslmode", "disable"),
                entry("snapshot.mode", "initial"),
                entry("snapshot.include.collection.list", "^(?-i:public\\.audit_log)$"),
                entry("read.only", "true"),
                entry("signal.enabled.channels", "kafka"),
                entry("signal.kafka.topic", "ferry-shop-to-pg-signals"),
                entry("signal.kafka.bootstrap.servers", BS),
                entry("signal.kafka.groupId", "ferry-shop-to-pg-signals"),
                entry("incremental.snapshot.chunk.size", "10000"),
                entry("signal.poll.interval.ms", "1000"),
                entry("signal.kafka.poll.timeout.ms", "1000"),
                entry("heartbeat.interval.ms", "1000"),
                entry("topic.heartbeat.prefix", "ferry-shop-to-pg-heartbeat"),
                entry("heartbeat.action.query", "INSERT INTO ferry.ferry_heartbeat (task, beat) VALUES ('shop-to-pg',"
                        + " now()) ON CONFLICT (task) DO UPDATE SET beat = EXCLUDED.beat"),
                entry("notification.enabled.channels", "sink"),
                entry("notification.sink.topic.name", "ferry-shop-to-pg-notifications"),
                entry("exactly.once.support", "required"),
                entry("transaction.boundary", "poll")));
    }

    @Test
    void cdcStartsStreamingWithoutAnySnapshotOrSignal() {
        Map<String, String> c = DebeziumConfigCompiler.compile(spec(Engine.MYSQL, MigrationType.CDC,
                List.of(CapturedTable.keyed("shop", "orders"), CapturedTable.keyless("shop", "log"))));
        assertThat(c).containsEntry("snapshot.mode", "no_data")
                .containsEntry("snapshot.locking.mode", "none")
                .containsEntry("connector.class", "io.debezium.connector.mysql.MySqlConnector")
                .containsEntry("database.ssl.mode", "disabled")
                .doesNotContainKeys("snapshot.include.collection.list", "read.only", "signal.enabled.channels",
                        "signal.kafka.topic", "incremental.snapshot.chunk.size");
        assertThat(SnapshotSignal.incremental(spec(Engine.MYSQL, MigrationType.CDC,
                List.of(CapturedTable.keyed("shop", "orders"))))).isNull();
    }

    @Test
    void keylessMySqlFamilyTablesGetTheAlignedInitialSnapshotUnderMinimalLocking() {
        Map<String, String> c = DebeziumConfigCompiler.compile(spec(Engine.MARIADB, MigrationType.FULL_LOAD,
                List.of(CapturedTable.keyless("shop", "log"))));
        assertThat(c).containsEntry("snapshot.mode", "initial")
                .containsEntry("snapshot.include.collection.list", "^(?-i:shop\\.log)$")
                .containsEntry("snapshot.locking.mode", "minimal")
                .doesNotContainKeys("read.only", "signal.enabled.channels");
    }

    @Test
    void includeListsMatchExactlyTheNamedTablesInDebeziumsOwnMatcher() {
        Map<String, String> c = DebeziumConfigCompiler.compile(spec(Engine.MARIADB, MigrationType.FULL_LOAD,
                List.of(CapturedTable.keyed("shop", "a.b"), CapturedTable.keyed("shop", "x$y"),
                        CapturedTable.keyed("shop", "Orders"), CapturedTable.keyed("sh,op", "t"))));
        assertThat(c.get("table.include.list")).isEqualTo(
                "^(?-i:shop\\.a\\.b)$,^(?-i:shop\\.x\\$y)$,^(?-i:shop\\.Orders)$,^(?-i:sh\\x{2c}op\\.t)$");
        Predicate<TableId> selected = Selectors.tableSelector().includeDatabases(c.get("database.include.list"))
                .includeTables(c.get("table.include.list")).build();
        assertThat(selected).accepts(new TableId("shop", null, "a.b"), new TableId("shop", null, "x$y"),
                new TableId("shop", null, "Orders"), new TableId("sh,op", null, "t"));
        assertThat(selected).rejects(new TableId("shop", null, "aXb"), new TableId("shop", null, "x"),
                new TableId("shop", null, "orders"), new TableId("shop", null, "ORDERS"),
                new TableId("shopx", null, "a.b"), new TableId("sh", null, "t"));
    }

    @Test
    void plainDebeziumPatternsWouldBeCaseInsensitiveWhichIsWhyFerryAddsTheInlineFlag() {
        Predicate<TableId> plain = Selectors.tableSelector().includeTables("shop\\.Orders").build();
        assertThat(plain).accepts(new TableId("shop", null, "orders"));
    }

    @Test
    void columnExclusionsAreExactToo() {
        Map<String, String> c = DebeziumConfigCompiler.compile(spec(Engine.POSTGRES, MigrationType.CDC,
                List.of(new CapturedTable("public", "t", List.of("Card.No", "pin"), true))));
        assertThat(c.get("column.exclude.list")).isEqualTo("^(?-i:public\\.t\\.Card\\.No)$,^(?-i:public\\.t\\.pin)$");
        Predicate<String> excluded = Predicates.includes(c.get("column.exclude.list"),
                java.util.regex.Pattern.CASE_INSENSITIVE);
        assertThat(excluded).accepts("public.t.Card.No", "public.t.pin").rejects("public.t.card.no", "public.t.CardXNo",
                "public.t.pins");
    }

    @Test
    void signalListsKeyedTablesInLoadOrderWithTheTaskNameAsKey() {
        SnapshotSignal s = SnapshotSignal.incremental(spec(Engine.MARIADB, MigrationType.FULL_LOAD_AND_CDC,
                List.of(CapturedTable.keyed("shop", "orders"), CapturedTable.keyless("shop", "log"),
                        CapturedTable.keyed("shop", "items"), CapturedTable.keyed("shop", "x$y"))));
        assertThat(s.topic()).isEqualTo("ferry-shop-to-pg-signals");
        assertThat(s.key()).isEqualTo("shop-to-pg");
        assertThat(s.value()).isEqualTo("{\"type\":\"execute-snapshot\",\"data\":{\"data-collections\":"
                + "[\"shop.orders\",\"shop.items\",\"shop\\\\.x\\\\$y\"],\"type\":\"INCREMENTAL\"}}");
    }

    @Test
    void serverIdIsStableAndInRange() {
        long id = DebeziumConfigCompiler.serverId("shop-to-pg");
        assertThat(id).isEqualTo(DebeziumConfigCompiler.serverId("shop-to-pg"))
                .isBetween(5_400L, 4_294_967_000L)
                .isNotEqualTo(DebeziumConfigCompiler.serverId("shop-to-pg2"));
    }

    @Test
    void plainPasswordGoesThroughTheRuntimesSecretsFileNeverIntoTheConfig() {
        Endpoint plain = new Endpoint(Engine.MARIADB, "h", 3306, "u", Secret.plain("hunter2"), null, null, null, null);
        List<CapturedTable> t = List.of(CapturedTable.keyed("shop", "orders"));
        SourceSpec noFile = new SourceSpec("t1", MigrationType.CDC, plain, t, BS, SourceOptions.defaults());
        assertThatThrownBy(() -> DebeziumConfigCompiler.compile(noFile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain text")
                .hasMessageNotContaining("hunter2");
        SourceSpec withFile = new SourceSpec("t1", MigrationType.CDC, plain, t, BS,
                SourceOptions.defaults().withPasswordFile(Path.of("/data/secrets.properties")));
        Map<String, String> c = DebeziumConfigCompiler.compile(withFile);
        assertThat(c).containsEntry("database.password", "${file:/data/secrets.properties:source.password}");
        assertThat(c.values()).noneMatch(v -> v.contains("hunter2"));
        assertThat(FerrySourceConnectorConfig.connectorConfig(withFile).values()).noneMatch(v -> v.contains("hunter2"));
    }

    @Test
    void tlsModesMapToEachConnectorsOwnValues() {
        for (var m : Map.of(TlsMode.REQUIRE, List.of("trust", "required", "require")).entrySet()) {
            assertThat(tls(Engine.MARIADB, m.getKey())).containsEntry("database.ssl.mode", m.getValue().get(0));
            assertThat(tls(Engine.MYSQL, m.getKey())).containsEntry("database.ssl.mode", m.getValue().get(1));
            assertThat(tls(Engine.POSTGRES, m.getKey())).containsEntry("database.sslmode", m.getValue().get(2));
        }
        Endpoint pg = new Endpoint(Engine.POSTGRES, "h", 5432, "u", Secret.plain("x"), "d", TlsMode.VERIFY_FULL,
                Path.of("/ca.pem"), null);
        Map<String, String> c = DebeziumConfigCompiler.compile(new SourceSpec("t1", MigrationType.CDC, pg,
                List.of(CapturedTable.keyed("public", "t")), BS, SourceOptions.defaults().withPasswordFile(Path.of("/s"))));
        assertThat(c).containsEntry("database.sslmode", "verify-full").containsEntry("database.sslrootcert", "/ca.pem");
    }

    private static Map<String, String> tls(Engine engine, TlsMode mode) {
        Endpoint e = new Endpoint(engine, "h", engine.defaultPort(), "u", Secret.plain("x"),
                engine == Engine.POSTGRES ? "d" : null, mode, null, null);
        return DebeziumConfigCompiler.compile(new SourceSpec("t1", MigrationType.CDC, e,
                List.of(CapturedTable.keyed("s", "t")), BS, SourceOptions.defaults().withPasswordFile(Path.of("/s"))));
    }

    @Test
    void ferryConnectorConfigRoundTripsToTheSameDebeziumMap() {
        SourceSpec s = new SourceSpec("shop-to-pg", MigrationType.FULL_LOAD_AND_CDC, endpoint(Engine.MARIADB, null),
                List.of(new CapturedTable("shop", "a.b", List.of("c"), true, List.of("doc")),
                        CapturedTable.keyless("shop", "log")), BS, SourceOptions.defaults().withExactlyOnce(false));
        Map<String, String> ferry = FerrySourceConnectorConfig.connectorConfig(s);
        FerrySourceConnectorConfig parsed = new FerrySourceConnectorConfig(ferry);
        assertThat(DebeziumConfigCompiler.compile(parsed.spec(), parsed.password()))
                .isEqualTo(DebeziumConfigCompiler.compile(s));
    }
}
