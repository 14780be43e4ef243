package dev.ferry.runtime.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.debezium.CapturedTable;
import dev.ferry.source.debezium.DebeziumConfigCompiler;
import dev.ferry.source.debezium.SourceOptions;
import dev.ferry.source.debezium.SourceSpec;
import dev.ferry.source.discovery.ColumnInfo;
import dev.ferry.source.discovery.TableInfo;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.transforms.plan.TableMapping;

/**
 * The two connectors of a task, as Kafka Connect configurations: the Debezium source (compiled from the endpoint and
 * the plan) and Ferry's JDBC sink with the DMS mapping SMT. Passwords appear only as {@code ${...}} references.
 */
public final class TaskConnectors {
    public static final String SINK_CLASS = "dev.ferry.sink.FerrySinkConnector";
    public static final String MAPPING_SMT = "dev.ferry.transforms.smt.TableMappingTransform";
    static final String TARGET_PASSWORD_KEY = "target.password";

    private final TaskFile task;
    private final TaskPlan plan;
    private final String bootstrapServers;
    private final Path secretsFile;
    private final boolean singleNode;

    /** @param secretsFile where {@link RunDirectory} keeps plain-text passwords (mode 600) */
    public TaskConnectors(TaskFile task, TaskPlan plan, String bootstrapServers, Path secretsFile,
                          boolean singleNode) {
        this.singleNode = singleNode;
        this.task = task;
        this.plan = plan;
        this.bootstrapServers = bootstrapServers;
        this.secretsFile = secretsFile;
    }

    public static String sinkName(String taskName) {
        return "ferry-" + taskName + "-sink";
    }

    public String sourceName() {
        return DebeziumConfigCompiler.connectorName(task.name());
    }

    public String sinkName() {
        return sinkName(task.name());
    }

    /** The captured tables in load order. */
    public List<CapturedTable> capturedTables() {
        List<CapturedTable> out = new ArrayList<>();
        for (TableMapping m : plan.mapping().tables()) {
            TableInfo info = plan.source(m);
            List<String> json = info.columns().stream().filter(ColumnInfo::json).map(ColumnInfo::name).toList();
            out.add(new CapturedTable(m.sourceSchema(), m.sourceTable(), List.of(), info.keyed(), json));
        }
        return out;
    }

    public SourceSpec sourceSpec() {
        SourceOptions options = SourceOptions.defaults().withPasswordFile(secretsFile);
        return new SourceSpec(task.name(), task.migrationType(), task.source(), capturedTables(), bootstrapServers,
                options);
    }

    public Map<String, String> source() {
        Map<String, String> c = new LinkedHashMap<>(DebeziumConfigCompiler.compile(sourceSpec()));
        // Data topics are created by the runtime before the connector starts; any other topic the source writes
        // (heartbeats) is created by Connect with the same settings, never by broker auto-creation.
        c.put("topic.creation.default.replication.factor", singleNode ? "1" : "-1");
        c.put("topic.creation.default.partitions", "1");
        c.put("topic.creation.default.cleanup.policy", "delete");
        c.put("topic.creation.default.retention.ms", "-1");
        String keys = messageKeyColumns();
        if (!keys.isEmpty()) {
            c.put("message.key.columns", keys);
        }
        return c;
    }

    /** Tables keyed by a unique NOT NULL index rather than a primary key get that index as their event key. */
    private String messageKeyColumns() {
        List<String> parts = new ArrayList<>();
        for (TableMapping m : plan.mapping().tables()) {
            TableInfo info = plan.source(m);
            if (info.primaryKey().isEmpty() && info.keyed()) {
                parts.add(java.util.regex.Pattern.quote(info.schema()) + "\\." + java.util.regex.Pattern.quote(info.name())
                        + ":" + String.join(",", info.rowKey()));
            }
        }
        return String.join(";", parts);
    }

    /** The Debezium topic of each captured table: {@code <task>.<schema>.<table>}. */
    public List<String> dataTopics() {
        return plan.mapping().tables().stream().map(this::topic).toList();
    }

    public String topic(TableMapping m) {
        return task.name() + "." + m.sourceSchema() + "." + m.sourceTable();
    }

    public Map<String, String> sink() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SINK_CLASS);
        c.put("tasks.max", "1");
        c.put("topics", String.join(",", dataTopics()));
        c.put("connection.url", JdbcEndpoints.url(task.target()));
        c.put("connection.user", task.target().username());
        c.put("connection.password", reference(task.target().password(), TARGET_PASSWORD_KEY));
        c.put("task.name", task.name());
        c.put("control-schema", task.settings().controlSchema());
        c.put("target-table-prep-mode", task.settings().targetTablePrepMode());
        // The mapping SMT hands over final names; the sink only quotes them.
        c.put("identifier-case", "preserve");
        c.put("error-policy", task.settings().errorPolicy());
        c.put("errors.tolerance", "none");
        c.put("consumer.override.isolation.level", "read_committed");
        c.put("consumer.override.max.poll.records", "5000");
        c.put("ferry.kafka.bootstrap.servers", bootstrapServers);
        c.put("transforms", "mapping");
        c.put("transforms.mapping.type", MAPPING_SMT);
        c.put("transforms.mapping.mapping", task.tableMappings());
        c.put("transforms.mapping.identifier-case", task.settings().identifierCase());
        c.put("transforms.mapping.topic.prefix", task.name());
        return c;
    }

    private String reference(Secret secret, String key) {
        return secret.isReference() ? secret.reference()
                : "${file:" + secretsFile.toAbsolutePath() + ":" + key + "}";
    }
}
