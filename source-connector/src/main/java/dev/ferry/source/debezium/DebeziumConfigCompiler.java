package dev.ferry.source.debezium;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ferry.source.converter.FerryBinlogConverter;
import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.TlsMode;

/**
 * Compiles a {@link SourceSpec} into the properties of the Debezium connector for its engine. A pure function: no
 * database, no Kafka, the same spec always gives the same map (see the README of this module for every setting and
 * why).
 *
 * <p><b>Passwords.</b> The map never holds a clear password. {@code database.password} is the endpoint's
 * {@code ${env:…}}/{@code ${file:…}} reference when the task file gave one; otherwise the runtime must have written
 * the plain-text password into a properties file ({@link SourceOptions#passwordFile()}, key
 * {@link #PASSWORD_FILE_KEY}) and the map holds {@code ${file:<that file>:source.password}}. The Connect worker
 * resolves both with its {@code file} and {@code env} config providers. A plain-text password without a password file
 * is an error.
 */
public final class DebeziumConfigCompiler {
    /** Key under which the runtime stores a plain-text source password in {@link SourceOptions#passwordFile()}. */
    public static final String PASSWORD_FILE_KEY = "source.password";
    /** Name under which the Ferry converter is registered in {@code converters}. */
    public static final String CONVERTER_NAME = "ferry";
    static final long SERVER_ID_MIN = 5_400L;
    static final long SERVER_ID_MAX = 4_294_967_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DebeziumConfigCompiler() {
    }

    /** The Debezium connector properties for {@code spec}. */
    public static Map<String, String> compile(SourceSpec spec) {
        return compile(spec, passwordValue(spec));
    }

    /** As {@link #compile(SourceSpec)} with {@code database.password} set to {@code password} as given. */
    static Map<String, String> compile(SourceSpec spec, String password) {
        Map<String, String> c = new LinkedHashMap<>();
        Endpoint e = spec.endpoint();
        String name = spec.taskName();
        c.put("name", connectorName(name));
        c.put("connector.class", connectorClass(e.engine()));
        c.put("tasks.max", "1");
        c.put("topic.prefix", name);
        c.put("database.hostname", e.host());
        c.put("database.port", String.valueOf(e.port()));
        c.put("database.user", e.username());
        c.put("database.password", password);
        eventContract(c);
        if (e.engine().isMySqlFamily()) {
            binlogSource(spec, c);
        } else {
            postgresSource(spec, c);
        }
        snapshot(spec, c);
        heartbeatsAndNotifications(spec, c);
        if (spec.options().exactlyOnce()) {
            c.put("exactly.once.support", "required");
            c.put("transaction.boundary", "poll");
        }
        return c;
    }

    /**
     * Worker settings this connector relies on, for the runtime's worker config: the offset flush interval (bounds
     * how many snapshot rows are read again after a crash) and exactly-once source support.
     */
    public static Map<String, String> workerRecommendations(SourceSpec spec) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("offset.flush.interval.ms", String.valueOf(spec.options().offsetFlushInterval().toMillis()));
        if (spec.options().exactlyOnce()) {
            w.put("exactly.once.source.support", "enabled");
        }
        // Connect's JsonConverter writes the schema default instead of null when this is true (its default): a NULL in
        // a column with a DEFAULT, or a zero date made null by FerryBinlogConverter, would reach Kafka as the default.
        w.put("key.converter.replace.null.with.default", "false");
        w.put("value.converter.replace.null.with.default", "false");
        w.put("config.providers", "file,env");
        w.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        w.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        return w;
    }

    public static String connectorClass(Engine engine) {
        return switch (engine) {
            case MYSQL -> "io.debezium.connector.mysql.MySqlConnector";
            case MARIADB -> "io.debezium.connector.mariadb.MariaDbConnector";
            case POSTGRES -> "io.debezium.connector.postgresql.PostgresConnector";
        };
    }

    public static String connectorName(String taskName) {
        return "ferry-" + taskName + "-source";
    }

    public static String signalTopic(String taskName) {
        return "ferry-" + taskName + "-signals";
    }

    public static String schemaHistoryTopic(String taskName) {
        return "ferry-" + taskName + "-schema-history";
    }

    public static String notificationTopic(String taskName) {
        return "ferry-" + taskName + "-notifications";
    }

    public static String heartbeatTopicPrefix(String taskName) {
        return "ferry-" + taskName + "-heartbeat";
    }

    /** PostgreSQL slot and publication name: {@code ferry_<name with '-' → '_'>}. */
    public static String slotName(String taskName) {
        return "ferry_" + taskName.replace('-', '_');
    }

    /** A stable binlog client id in 5400..4,294,967,000, derived from the task name (CRC-32). */
    public static long serverId(String taskName) {
        CRC32 crc = new CRC32();
        crc.update(taskName.getBytes(StandardCharsets.UTF_8));
        return SERVER_ID_MIN + crc.getValue() % (SERVER_ID_MAX - SERVER_ID_MIN + 1);
    }

    /** The {@code database.password} value: a reference, never the password itself. */
    static String passwordValue(SourceSpec spec) {
        var secret = spec.endpoint().password();
        if (secret.isReference()) {
            return secret.reference();
        }
        if (spec.options().passwordFile() != null) {
            return "${file:" + spec.options().passwordFile().toAbsolutePath() + ":" + PASSWORD_FILE_KEY + "}";
        }
        throw new IllegalArgumentException("source password of task " + spec.taskName() + " is plain text and no "
                + "password file is set; write it as ${env:NAME} or ${file:path:key}, or let the runtime store it");
    }

    private static void eventContract(Map<String, String> c) {
        c.put("decimal.handling.mode", "precise");
        c.put("binary.handling.mode", "bytes");
        c.put("skipped.operations", "none");
        c.put("tombstones.on.delete", "true");
        c.put("column.propagate.source.type", ".*");
        c.put("include.unknown.datatypes", "false");
        c.put("provide.transaction.metadata", "false");
    }

    private static void binlogSource(SourceSpec spec, Map<String, String> c) {
        Endpoint e = spec.endpoint();
        c.put("database.server.id", String.valueOf(serverId(spec.taskName())));
        c.put("database.include.list", ExactPatterns.list(spec.tables().stream()
                .map(t -> ExactPatterns.exact(t.schema())).toList()));
        c.put("table.include.list", tablePatterns(spec.tables()));
        columnExclusions(spec, c);
        c.put("bigint.unsigned.handling.mode", "precise");
        c.put("time.precision.mode", "adaptive_time_microseconds");
        c.put("include.schema.changes", "false");
        c.put("schema.history.internal.kafka.topic", schemaHistoryTopic(spec.taskName()));
        c.put("schema.history.internal.kafka.bootstrap.servers", spec.bootstrapServers());
        c.put("schema.history.internal.store.only.captured.tables.ddl", "true");
        c.put("snapshot.locking.mode", needsAlignedSnapshot(spec) ? "minimal" : "none");
        // The binlog client asks the server for heartbeat events every 0.8 x this interval. Read-only incremental
        // snapshots advance on those events, so an idle source starts and moves through its full load at once
        // instead of waiting for the next write (default 60 s -> a heartbeat every 48 s).
        c.put("connect.keep.alive.interval.ms", "1000");
        c.put("converters", CONVERTER_NAME);
        c.put(CONVERTER_NAME + ".type", FerryBinlogConverter.class.getName());
        if (e.engine() == Engine.MARIADB) {
            String json = jsonColumns(spec.tables());
            if (json != null) {
                c.put(CONVERTER_NAME + "." + FerryBinlogConverter.JSON_COLUMNS, json);
            }
        }
        binlogTls(e, c);
    }

    private static void postgresSource(SourceSpec spec, Map<String, String> c) {
        Endpoint e = spec.endpoint();
        c.put("database.dbname", e.database());
        c.put("table.include.list", tablePatterns(spec.tables()));
        columnExclusions(spec, c);
        c.put("plugin.name", "pgoutput");
        c.put("slot.name", slotName(spec.taskName()));
        c.put("publication.name", slotName(spec.taskName()));
        c.put("publication.autocreate.mode", "filtered");
        c.put("publish.via.partition.root", "true");
        c.put("interval.handling.mode", "string");
        c.put("hstore.handling.mode", "json");
        c.put("database.sslmode", e.tls() == TlsMode.NONE ? "disable" : e.tls().id());
        if (e.caFile() != null) {
            c.put("database.sslrootcert", e.caFile().toAbsolutePath().toString());
        }
    }

    private static void snapshot(SourceSpec spec, Map<String, String> c) {
        if (!spec.migrationType().loadsExistingRows()) {
            c.put("snapshot.mode", "no_data");
            return;
        }
        List<CapturedTable> keyless = spec.keylessTables();
        if (keyless.isEmpty()) {
            c.put("snapshot.mode", "no_data");
        } else {
            c.put("snapshot.mode", "initial");
            c.put("snapshot.include.collection.list", tablePatterns(keyless));
        }
        if (!spec.keyedTables().isEmpty()) {
            String name = spec.taskName();
            c.put("read.only", "true");
            c.put("signal.enabled.channels", "kafka");
            c.put("signal.kafka.topic", signalTopic(name));
            c.put("signal.kafka.bootstrap.servers", spec.bootstrapServers());
            c.put("signal.kafka.groupId", signalTopic(name));
            c.put("incremental.snapshot.chunk.size", String.valueOf(spec.options().chunkSize()));
            // A fresh signal consumer needs several round trips (metadata, offsets, fetch) before it returns the
            // signal; with Debezium's defaults (read every 5 s, poll 100 ms) that took 40 s. Measured after this
            // change: the snapshot starts within a few seconds.
            c.put("signal.poll.interval.ms", "1000");
            c.put("signal.kafka.poll.timeout.ms", "1000");
        }
    }

    private static void heartbeatsAndNotifications(SourceSpec spec, Map<String, String> c) {
        String name = spec.taskName();
        c.put("heartbeat.interval.ms", String.valueOf(spec.options().heartbeatInterval().toMillis()));
        c.put("topic.heartbeat.prefix", heartbeatTopicPrefix(name));
        String table = spec.options().heartbeatTable();
        if (spec.endpoint().engine() == Engine.POSTGRES && table != null) {
            c.put("heartbeat.action.query", "INSERT INTO " + table + " (task, beat) VALUES ('" + name
                    + "', now()) ON CONFLICT (task) DO UPDATE SET beat = EXCLUDED.beat");
        }
        c.put("notification.enabled.channels", "sink");
        c.put("notification.sink.topic.name", notificationTopic(name));
    }

    /** MySQL-family key-less tables are read under a short global read lock so the snapshot matches the stream. */
    private static boolean needsAlignedSnapshot(SourceSpec spec) {
        return spec.migrationType().loadsExistingRows() && !spec.keylessTables().isEmpty();
    }

    static String tablePatterns(List<CapturedTable> tables) {
        return ExactPatterns.list(tables.stream().map(t -> ExactPatterns.exact(t.schema(), t.table())).toList());
    }

    private static void columnExclusions(SourceSpec spec, Map<String, String> c) {
        List<String> excluded = new ArrayList<>();
        for (CapturedTable t : spec.tables()) {
            t.excludedColumns().forEach(col -> excluded.add(ExactPatterns.exact(t.schema(), t.table(), col)));
        }
        if (!excluded.isEmpty()) {
            c.put("column.exclude.list", ExactPatterns.list(excluded));
        }
    }

    /** JSON array of {@code [db, table, column]} triples, or null when there is none. */
    private static String jsonColumns(List<CapturedTable> tables) {
        List<List<String>> cols = new ArrayList<>();
        for (CapturedTable t : tables) {
            t.jsonColumns().forEach(col -> cols.add(List.of(t.schema(), t.table(), col)));
        }
        if (cols.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(cols);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void binlogTls(Endpoint e, Map<String, String> c) {
        boolean mariadb = e.engine() == Engine.MARIADB;
        c.put("database.ssl.mode", switch (e.tls()) {
            case NONE -> mariadb ? "disable" : "disabled";
            case REQUIRE -> mariadb ? "trust" : "required";
            case VERIFY_CA -> mariadb ? "verify-ca" : "verify_ca";
            case VERIFY_FULL -> mariadb ? "verify-full" : "verify_identity";
        });
        if (e.caFile() != null) {
            String file = e.caFile().toAbsolutePath().toString();
            String lower = file.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".jks"))) {
                throw new IllegalArgumentException("tls mode " + e.tls() + " on " + e.engine() + " needs the CA as a "
                        + "PKCS12 or JKS trust store for the binlog client (got " + file + "); convert the PEM file with"
                        + " keytool -importcert -storetype PKCS12");
            }
            c.put("database.ssl.truststore", file);
        }
    }
}
