package dev.ferry.source.debezium;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;

/**
 * The Ferry-level configuration of {@link FerrySourceConnector}: what a task file says about the source, nothing
 * Debezium-specific. Parsed once into a {@link SourceSpec}.
 */
public final class FerrySourceConnectorConfig extends AbstractConfig {
    public static final String TASK_NAME = "ferry.task.name";
    public static final String ENGINE = "ferry.engine";
    public static final String MIGRATION_TYPE = "ferry.migration.type";
    public static final String TABLES = "ferry.tables";
    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String DBNAME = "database.dbname";
    public static final String TLS_MODE = "ferry.tls.mode";
    public static final String TLS_CA_FILE = "ferry.tls.ca.file";
    public static final String BOOTSTRAP_SERVERS = "ferry.kafka.bootstrap.servers";
    public static final String HEARTBEAT_MS = "ferry.heartbeat.interval.ms";
    public static final String CHUNK_SIZE = "ferry.snapshot.chunk.size";
    public static final String HEARTBEAT_TABLE = "ferry.heartbeat.table";

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ConfigDef CONFIG_DEF = configDef();

    public FerrySourceConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    private static ConfigDef configDef() {
        return new ConfigDef()
                .define(TASK_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                    if (value == null || !value.toString().matches("[a-z0-9-]{1,40}")) {
                        throw new ConfigException(name, value, "must match [a-z0-9-]+, at most 40 characters");
                    }
                }, Importance.HIGH, "The task name; topic prefix of every table topic and part of every Ferry topic,"
                        + " slot and publication name.")
                .define(ENGINE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.ValidString.in("mysql", "mariadb", "postgres"), Importance.HIGH,
                        "Source engine; picks the Debezium connector.")
                .define(MIGRATION_TYPE, Type.STRING, MigrationType.FULL_LOAD_AND_CDC.id(),
                        ConfigDef.ValidString.in("full-load", "cdc", "full-load-and-cdc"), Importance.HIGH,
                        "full-load and full-load-and-cdc load existing rows; cdc streams changes only.")
                .define(TABLES, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> tables((String) value),
                        Importance.HIGH, "The captured tables in load order, a JSON array of {\"schema\":…, \"table\":…,"
                                + " \"keyed\":true|false, \"excludedColumns\":[…], \"jsonColumns\":[…]}; exact names.")
                .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Source database host.")
                .define(PORT, Type.INT, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Range.between(1, 65_535),
                        Importance.HIGH, "Source database port.")
                .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Source user with replication rights.")
                .define(PASSWORD, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "Source password; write a ${env:…} or ${file:…} reference, resolved by the worker's config "
                                + "providers, so that no clear password reaches the config topic.")
                .define(DBNAME, Type.STRING, "", Importance.HIGH,
                        "PostgreSQL: the database (required). MySQL/MariaDB: unused.")
                .define(TLS_MODE, Type.STRING, "none",
                        ConfigDef.ValidString.in("none", "require", "verify-ca", "verify-full"), Importance.MEDIUM,
                        "TLS towards the source.")
                .define(TLS_CA_FILE, Type.STRING, "", Importance.MEDIUM,
                        "CA certificate for verify-ca/verify-full (PostgreSQL: PEM; MySQL/MariaDB: PKCS12 trust store).")
                .define(BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka for the schema history and signal topics.")
                .define(HEARTBEAT_MS, Type.LONG, SourceOptions.DEFAULT_HEARTBEAT.toMillis(), ConfigDef.Range.atLeast(1),
                        Importance.LOW, "Debezium heartbeat interval.")
                .define(CHUNK_SIZE, Type.INT, SourceOptions.DEFAULT_CHUNK_SIZE,
                        ConfigDef.Range.atLeast(SourceOptions.MIN_CHUNK_SIZE), Importance.LOW,
                        "Rows per incremental snapshot chunk.")
                .define(HEARTBEAT_TABLE, Type.STRING, "", Importance.LOW,
                        "PostgreSQL: schema.table the task may write heartbeats to; empty = never write to the source.");
    }

    /** Parses {@link #TABLES}; a malformed value is a {@link ConfigException} on that key. */
    static List<CapturedTable> tables(String json) {
        try {
            List<CapturedTable> t = JSON.readValue(json == null ? "" : json, new TypeReference<List<CapturedTable>>() {
            });
            if (t == null || t.isEmpty()) {
                throw new ConfigException(TABLES, json, "lists no table");
            }
            return t;
        } catch (ConfigException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new ConfigException(TABLES, json, "must be a JSON array of tables: " + ex.getMessage());
        }
    }

    /** The spec this configuration describes; the password stays as given (resolved by the worker). */
    public SourceSpec spec() {
        Engine engine = Engine.of(getString(ENGINE));
        String ca = getString(TLS_CA_FILE);
        String db = getString(DBNAME);
        Endpoint endpoint = new Endpoint(engine, getString(HOSTNAME), getInt(PORT), getString(USER),
                Secret.plain(getPassword(PASSWORD).value()), db.isEmpty() ? null : db, TlsMode.of(getString(TLS_MODE)),
                ca.isEmpty() ? null : Path.of(ca), null);
        String heartbeatTable = getString(HEARTBEAT_TABLE);
        SourceOptions options = new SourceOptions(Duration.ofMillis(getLong(HEARTBEAT_MS)), null, getInt(CHUNK_SIZE),
                heartbeatTable.isEmpty() ? null : heartbeatTable, null, false);
        return new SourceSpec(getString(TASK_NAME), MigrationType.of(getString(MIGRATION_TYPE)), endpoint,
                tables(getString(TABLES)), getString(BOOTSTRAP_SERVERS), options);
    }

    /** The password exactly as the worker passed it. */
    String password() {
        return getPassword(PASSWORD).value();
    }

    /**
     * The connector configuration the runtime submits to Connect for {@code spec}: Ferry keys, a password reference
     * (see {@link DebeziumConfigCompiler}), and the framework's exactly-once keys when required.
     */
    public static Map<String, String> connectorConfig(SourceSpec spec) {
        Endpoint e = spec.endpoint();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", DebeziumConfigCompiler.connectorName(spec.taskName()));
        c.put("connector.class", FerrySourceConnector.class.getName());
        c.put("tasks.max", "1");
        c.put(TASK_NAME, spec.taskName());
        c.put(ENGINE, e.engine().id());
        c.put(MIGRATION_TYPE, spec.migrationType().id());
        try {
            c.put(TABLES, JSON.writeValueAsString(spec.tables()));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        c.put(HOSTNAME, e.host());
        c.put(PORT, String.valueOf(e.port()));
        c.put(USER, e.username());
        c.put(PASSWORD, DebeziumConfigCompiler.passwordValue(spec));
        e.databaseName().ifPresent(db -> c.put(DBNAME, db));
        c.put(TLS_MODE, e.tls().id());
        if (e.caFile() != null) {
            c.put(TLS_CA_FILE, e.caFile().toAbsolutePath().toString());
        }
        c.put(BOOTSTRAP_SERVERS, spec.bootstrapServers());
        c.put(HEARTBEAT_MS, String.valueOf(spec.options().heartbeatInterval().toMillis()));
        c.put(CHUNK_SIZE, String.valueOf(spec.options().chunkSize()));
        if (spec.options().heartbeatTable() != null) {
            c.put(HEARTBEAT_TABLE, spec.options().heartbeatTable());
        }
        if (spec.options().exactlyOnce()) {
            c.put("exactly.once.support", "required");
            c.put("transaction.boundary", "poll");
        }
        return c;
    }
}
