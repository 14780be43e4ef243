package dev.ferry.source.debezium;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import dev.ferry.source.endpoint.Engine;
import io.debezium.connector.mariadb.MariaDbConnector;
import io.debezium.connector.mysql.MySqlConnector;
import io.debezium.connector.postgresql.PostgresConnector;

/**
 * Ferry's source connector: takes Ferry-level keys ({@link FerrySourceConnectorConfig}), compiles them with
 * {@link DebeziumConfigCompiler} and delegates everything else to the Debezium connector of the engine. Its tasks are
 * Debezium's own task class, configured with the compiled properties; the worker reverse-transforms
 * {@code database.password} back to its {@code ${…}} reference before storing task configs, because the key name is
 * the same in both configs.
 */
public class FerrySourceConnector extends SourceConnector {
    private SourceConnector delegate;

    @Override
    public String version() {
        String v = FerrySourceConnector.class.getPackage().getImplementationVersion();
        return v != null ? v : io.debezium.connector.postgresql.Module.version();
    }

    @Override
    public void initialize(ConnectorContext ctx) {
        super.initialize(ctx);
    }

    @Override
    public void start(Map<String, String> props) {
        Compiled c = compile(props);
        delegate = c.delegate;
        delegate.initialize(context());
        delegate.start(c.debezium);
    }

    @Override
    public Class<? extends Task> taskClass() {
        if (delegate == null) {
            throw new IllegalStateException("FerrySourceConnector.taskClass() called before start()");
        }
        return delegate.taskClass();
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return delegate.taskConfigs(maxTasks);
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
            delegate = null;
        }
    }

    @Override
    public ConfigDef config() {
        return FerrySourceConnectorConfig.CONFIG_DEF;
    }

    /** Ferry keys first; when they are valid, Debezium's own validation (it connects) on the compiled config. */
    @Override
    public Config validate(Map<String, String> props) {
        List<ConfigValue> own = config().validate(props);
        if (own.stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return new Config(own);
        }
        Compiled c;
        try {
            c = compile(props);
        } catch (RuntimeException ex) {
            own.stream().filter(v -> v.name().equals(FerrySourceConnectorConfig.TABLES)).findFirst()
                    .ifPresent(v -> v.addErrorMessage(ex.getMessage()));
            return new Config(own);
        }
        Map<String, ConfigValue> byName = new HashMap<>();
        own.forEach(v -> byName.put(v.name(), v));
        List<ConfigValue> result = new ArrayList<>(own);
        for (ConfigValue d : c.delegate.validate(c.debezium).configValues()) {
            if (d.errorMessages().isEmpty()) {
                continue;
            }
            ConfigValue mine = byName.get(d.name());
            if (mine != null) {
                d.errorMessages().forEach(mine::addErrorMessage);
            } else {
                result.add(d);
            }
        }
        return new Config(result);
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> props) {
        Compiled c;
        try {
            c = compile(props);
        } catch (RuntimeException ex) {
            return null; // invalid config: validate() reports why
        }
        return c.delegate.exactlyOnceSupport(c.debezium);
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> props) {
        Compiled c = compile(props);
        return c.delegate.canDefineTransactionBoundaries(c.debezium);
    }

    @Override
    public boolean alterOffsets(Map<String, String> props, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Compiled c = compile(props);
        return c.delegate.alterOffsets(c.debezium, offsets);
    }

    private record Compiled(SourceConnector delegate, Map<String, String> debezium) {
    }

    private static Compiled compile(Map<String, String> props) {
        FerrySourceConnectorConfig config = new FerrySourceConnectorConfig(props);
        SourceSpec spec = config.spec();
        Map<String, String> debezium = DebeziumConfigCompiler.compile(spec, config.password());
        if (props.containsKey("name")) {
            debezium.put("name", props.get("name"));
        }
        return new Compiled(newDelegate(spec.endpoint().engine()), debezium);
    }

    static SourceConnector newDelegate(Engine engine) {
        return switch (engine) {
            case MYSQL -> new MySqlConnector();
            case MARIADB -> new MariaDbConnector();
            case POSTGRES -> new PostgresConnector();
        };
    }
}
