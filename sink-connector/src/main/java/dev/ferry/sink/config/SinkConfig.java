package dev.ferry.sink.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The sink's configuration: declared once with documentation, parsed once into immutable typed values. */
public final class SinkConfig {
    public static final String CONNECTION_URL = "connection.url";
    public static final String CONNECTION_USER = "connection.user";
    public static final String CONNECTION_PASSWORD = "connection.password";
    public static final String DIALECT = "dialect";
    public static final String TASK_NAME = "task.name";
    public static final String CONTROL_SCHEMA = "control-schema";
    public static final String PREP_MODE = "target-table-prep-mode";
    public static final String IDENTIFIER_CASE = "identifier-case";
    public static final String ERROR_POLICY = "error-policy";
    public static final String BATCH_SIZE = "batch.size";
    public static final String FLUSH_INTERVAL_MS = "flush.interval.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String UNAVAILABLE_PLACEHOLDER = "unavailable.value.placeholder";
    public static final String BULK_SNAPSHOT = "bulk.snapshot";
    public static final String KAFKA_BOOTSTRAP = "ferry.kafka.bootstrap.servers";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(CONNECTION_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "JDBC URL of the target database, without credentials "
                            + "(jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db or jdbc:mysql://host:port/db).")
            .define(CONNECTION_USER, Type.STRING, "", Importance.HIGH, "Target database user.")
            .define(CONNECTION_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Target database password; given to the driver as a property, never logged.")
            .define(DIALECT, Type.STRING, "auto", enumValidator(DialectChoice.class), Importance.MEDIUM,
                    "SQL dialect: auto (from the JDBC URL), postgres, mysql or mariadb.")
            .define(TASK_NAME, Type.STRING, "", Importance.HIGH,
                    "Ferry task name used as the key of the control rows; defaults to the connector name.")
            .define("name", Type.STRING, "ferry-sink", Importance.LOW, "Connector name (set by Connect).")
            .define(CONTROL_SCHEMA, Type.STRING, "ferry", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Schema (PostgreSQL) or database (MySQL/MariaDB) holding the ferry_* control tables.")
            .define(PREP_MODE, Type.STRING, "do-nothing", enumValidator(PrepMode.class), Importance.MEDIUM,
                    "What to do with an existing target table the first time the task sees it: "
                            + "do-nothing, drop-and-create or truncate-before-load.")
            .define(IDENTIFIER_CASE, Type.STRING, "auto", enumValidator(IdentifierCase.class), Importance.MEDIUM,
                    "Case of created table and column names: auto (lower on PostgreSQL, preserve on MySQL/MariaDB), "
                            + "lower or preserve.")
            .define(ERROR_POLICY, Type.STRING, "stop-task", enumValidator(ErrorPolicy.class), Importance.HIGH,
                    "What to do with a record the target cannot take: stop-task, log-error "
                            + "(row goes to ferry_apply_exceptions) or ignore-record.")
            .define(BATCH_SIZE, Type.INT, 5000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Buffered records that trigger a flush.")
            .define(FLUSH_INTERVAL_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Maximum age of a buffered record before a flush.")
            .define(MAX_RETRIES, Type.INT, 10, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Retries of a flush after a retriable database error (lost connection, deadlock, serialization failure).")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Initial backoff between retries; doubles up to 30 s.")
            .define(UNAVAILABLE_PLACEHOLDER, Type.STRING, "__debezium_unavailable_value", Importance.MEDIUM,
                    "The source connector's unavailable.value.placeholder; such values mean 'unchanged'.")
            .define(BULK_SNAPSHOT, Type.BOOLEAN, true, Importance.LOW,
                    "Load snapshot rows into an empty table with COPY / LOAD DATA LOCAL INFILE.")
            .define(KAFKA_BOOTSTRAP, Type.STRING, "", Importance.MEDIUM,
                    "Bootstrap servers of the Kafka cluster the task consumes from. When set, open() checks that no "
                            + "record at or after the stored offset was deleted (stored offset below the log-start "
                            + "offset) and fails the task if one was; when empty the check is skipped.");

    private final String url;
    private final String user;
    private final Password password;
    private final DialectChoice dialect;
    private final String taskName;
    private final String controlSchema;
    private final PrepMode prepMode;
    private final IdentifierCase identifierCase;
    private final ErrorPolicy errorPolicy;
    private final int batchSize;
    private final long flushIntervalMs;
    private final int maxRetries;
    private final long retryBackoffMs;
    private final String placeholder;
    private final boolean bulkSnapshot;
    private final String kafkaBootstrap;

    public SinkConfig(Map<String, String> props) {
        AbstractConfig c = new AbstractConfig(CONFIG_DEF, props, false);
        url = c.getString(CONNECTION_URL);
        user = c.getString(CONNECTION_USER);
        password = c.getPassword(CONNECTION_PASSWORD);
        dialect = parse(DialectChoice.class, DIALECT, c.getString(DIALECT));
        String task = c.getString(TASK_NAME);
        taskName = task.isBlank() ? c.getString("name") : task;
        controlSchema = c.getString(CONTROL_SCHEMA);
        prepMode = parse(PrepMode.class, PREP_MODE, c.getString(PREP_MODE));
        identifierCase = parse(IdentifierCase.class, IDENTIFIER_CASE, c.getString(IDENTIFIER_CASE));
        errorPolicy = parse(ErrorPolicy.class, ERROR_POLICY, c.getString(ERROR_POLICY));
        batchSize = c.getInt(BATCH_SIZE);
        flushIntervalMs = c.getLong(FLUSH_INTERVAL_MS);
        maxRetries = c.getInt(MAX_RETRIES);
        retryBackoffMs = c.getLong(RETRY_BACKOFF_MS);
        placeholder = c.getString(UNAVAILABLE_PLACEHOLDER);
        bulkSnapshot = c.getBoolean(BULK_SNAPSHOT);
        kafkaBootstrap = c.getString(KAFKA_BOOTSTRAP).trim();
    }

    /** Enum values are written in lower case with dashes in configs ({@code log-error}). */
    public interface ConfigEnum {
        default String configValue() {
            return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static <E extends Enum<E> & ConfigEnum> E parse(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.configValue().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new ConfigException(key, value, "allowed values: " + allowed(type));
    }

    private static <E extends Enum<E> & ConfigEnum> String allowed(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ConfigEnum::configValue).toList());
    }

    private static <E extends Enum<E> & ConfigEnum> ConfigDef.Validator enumValidator(Class<E> type) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                parse(type, name, String.valueOf(value));
            }

            @Override
            public String toString() {
                return "one of: " + allowed(type);
            }
        };
    }

    /** Driver properties carrying the credentials (never put into the URL). */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (!password.value().isEmpty()) {
            p.setProperty("password", password.value());
        }
        return p;
    }

    public String url() { return url; }
    public DialectChoice dialect() { return dialect; }
    public String taskName() { return taskName; }
    public String controlSchema() { return controlSchema; }
    public PrepMode prepMode() { return prepMode; }
    public IdentifierCase identifierCase() { return identifierCase; }
    public ErrorPolicy errorPolicy() { return errorPolicy; }
    public int batchSize() { return batchSize; }
    public long flushIntervalMs() { return flushIntervalMs; }
    public int maxRetries() { return maxRetries; }
    public long retryBackoffMs() { return retryBackoffMs; }
    public String placeholder() { return placeholder; }
    public boolean bulkSnapshot() { return bulkSnapshot; }
    public String kafkaBootstrap() { return kafkaBootstrap; }

    @Override
    public String toString() {
        return "SinkConfig{url=" + url + ", user=" + user + ", password=[hidden], dialect=" + dialect.configValue()
                + ", task=" + taskName + ", controlSchema=" + controlSchema + "}";
    }
}
