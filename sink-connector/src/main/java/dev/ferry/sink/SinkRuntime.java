package dev.ferry.sink;

import dev.ferry.sink.apply.BulkLoader;
import dev.ferry.sink.apply.Flusher;
import dev.ferry.sink.apply.MySqlLoadDataLoader;
import dev.ferry.sink.apply.PostgresCopyLoader;
import dev.ferry.sink.apply.SqlErrors;
import dev.ferry.sink.apply.TableApplier;
import dev.ferry.sink.apply.Target;
import dev.ferry.sink.config.IdentifierCase;
import dev.ferry.sink.config.SinkConfig;
import dev.ferry.sink.control.ApplyExceptionLog;
import dev.ferry.sink.control.ControlTables;
import dev.ferry.sink.control.OffsetStore;
import dev.ferry.sink.control.SinkTaskStats;
import dev.ferry.sink.control.TableStateStore;
import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.dialect.Dialects;
import dev.ferry.sink.dialect.MySqlDialect;
import dev.ferry.sink.dialect.PostgresDialect;
import dev.ferry.sink.event.EventDecoder;
import dev.ferry.sink.event.ValueDecoder;
import dev.ferry.sink.table.TableRegistry;
import java.sql.SQLException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/** Wires one task's parts together: dialect, connection, control tables, registry, applier, flusher. */
final class SinkRuntime implements AutoCloseable {
    private final Target target;
    private final OffsetStore offsets;
    private final EventDecoder decoder;
    private final Flusher flusher;
    private final SinkTaskStats stats;

    private SinkRuntime(Target target, OffsetStore offsets, EventDecoder decoder, Flusher flusher, SinkTaskStats stats) {
        this.stats = stats;
        this.target = target;
        this.offsets = offsets;
        this.decoder = decoder;
        this.flusher = flusher;
    }

    static SinkRuntime start(SinkConfig config) {
        Dialect dialect = Dialects.choose(config.dialect(), config.url());
        Target target = new Target(config, dialect);
        ControlTables control = new ControlTables(dialect, config.controlSchema());
        try {
            control.create(target.connection());
        } catch (SQLException e) {
            target.close();
            throw new ConnectException("Cannot create the control tables in " + config.controlSchema() + " on "
                    + config.url() + ": " + SqlErrors.describe(e) + ". Check the target user may create them, or "
                    + "set control-schema to a schema it owns", e);
        }
        TableStateStore states = new TableStateStore(control, config.taskName());
        TableRegistry registry = new TableRegistry(dialect, config.prepMode(), states);
        BulkLoader bulk = !config.bulkSnapshot() ? null : dialect instanceof PostgresDialect
                ? new PostgresCopyLoader(dialect) : new MySqlLoadDataLoader((MySqlDialect) dialect);
        Flusher flusher = new Flusher(target, registry, new TableApplier(dialect, bulk),
                new OffsetStore(control, config.taskName()), states, new ApplyExceptionLog(control, config.taskName()),
                config.errorPolicy(), config.maxRetries(), config.retryBackoffMs());
        boolean lower = config.identifierCase() == IdentifierCase.LOWER
                || config.identifierCase() == IdentifierCase.AUTO && dialect.lowerCaseByDefault();
        EventDecoder decoder = new EventDecoder(new ValueDecoder(config.placeholder()), lower);
        SinkTaskStats stats = new SinkTaskStats(config.taskName()).register();
        flusher.statistics(stats);
        return new SinkRuntime(target, new OffsetStore(control, config.taskName()), decoder, flusher, stats);
    }

    OffsetStore.Claim claim(TopicPartition tp) {
        try {
            return offsets.claim(target.connection(), tp);
        } catch (SQLException e) {
            target.reset();
            throw new ConnectException("Cannot read the stored offset of " + tp + " from ferry_offsets: "
                    + SqlErrors.describe(e), e);
        }
    }

    EventDecoder decoder() {
        return decoder;
    }

    Flusher flusher() {
        return flusher;
    }

    @Override
    public void close() {
        stats.close();
        target.close();
    }
}
