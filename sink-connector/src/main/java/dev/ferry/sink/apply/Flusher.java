package dev.ferry.sink.apply;

import dev.ferry.sink.config.ErrorPolicy;
import dev.ferry.sink.control.ApplyExceptionLog;
import dev.ferry.sink.control.OffsetStore;
import dev.ferry.sink.control.SinkTaskStats;
import dev.ferry.sink.control.TableStateStore;
import dev.ferry.sink.control.TableStats;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.Op;
import dev.ferry.sink.event.TableId;
import dev.ferry.sink.table.TableHandle;
import dev.ferry.sink.table.TableRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flush = one transaction: the rows of every table, the consumed offsets and the table state commit together.
 * A retriable error rolls back and retries with backoff; any other failure of the fast (batched, collapsed, bulk)
 * path rolls back and replays the same changes one by one under savepoints so the error policy meets exactly the
 * bad records.
 */
public final class Flusher {
    private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);
    private final Target target;
    private final TableRegistry registry;
    private final TableApplier applier;
    private final OffsetStore offsets;
    private final TableStateStore states;
    private final ApplyExceptionLog exceptions;
    private final ErrorPolicy policy;
    private final int maxRetries;
    private final long backoffMs;
    private final Map<TopicPartition, Long> frozen = new HashMap<>();
    private CommitHook commitHook = c -> { };
    private SinkTaskStats jmx = new SinkTaskStats("unregistered");

    /** Runs just before COMMIT; tests use it to fail a commit at the worst moment. */
    public interface CommitHook {
        void beforeCommit(Connection c) throws SQLException;
    }

    public Flusher(Target target, TableRegistry registry, TableApplier applier, OffsetStore offsets,
                   TableStateStore states, ApplyExceptionLog exceptions, ErrorPolicy policy, int maxRetries,
                   long backoffMs) {
        this.target = target;
        this.registry = registry;
        this.applier = applier;
        this.offsets = offsets;
        this.states = states;
        this.exceptions = exceptions;
        this.policy = policy;
        this.maxRetries = maxRetries;
        this.backoffMs = backoffMs;
    }

    /** Where committed statistics are published for JMX. */
    public void statistics(SinkTaskStats stats) {
        this.jmx = stats;
    }

    public void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    /**
     * Applies the events and stores {@code next} offsets (claimed with {@code generations}). Returns the offsets
     * actually stored: a partition whose table is in table error stays at its first unapplied change.
     */
    public Map<TopicPartition, Long> flush(List<ChangeEvent> events, Map<TopicPartition, Long> next,
                                           Map<TopicPartition, Long> generations) {
        boolean rowByRow = false;
        for (int attempt = 0; ; ) {
            try {
                return attempt(events, next, generations, rowByRow);
            } catch (RecordFailure f) {
                rollbackQuietly();
                throw new ConnectException(f.getMessage(), f.getCause());
            } catch (SQLException e) {
                rollbackQuietly();
                if (e instanceof OffsetStore.OwnershipLostException) {
                    throw new ConnectException(e.getMessage(), e);
                }
                if (SqlErrors.retriable(e)) {
                    if (attempt++ >= maxRetries) {
                        throw new RetriableException("Flush of " + events.size() + " changes failed " + attempt
                                + " times with a retriable database error: " + SqlErrors.describe(e), e);
                    }
                    LOG.warn("Retriable database error, retry {} of {}: {}", attempt, maxRetries, SqlErrors.describe(e));
                    target.reset();
                    sleep(Math.min(30_000L, backoffMs << Math.min(attempt - 1, 10)));
                } else if (!rowByRow) {
                    LOG.info("Batch of {} changes failed ({}); replaying them one by one", events.size(),
                            SqlErrors.describe(e));
                    rowByRow = true;
                    registry.all().values().forEach(TableHandle::endBulk);
                } else {
                    throw new ConnectException("Flush failed: " + SqlErrors.describe(e), e);
                }
            }
        }
    }

    private Map<TopicPartition, Long> attempt(List<ChangeEvent> events, Map<TopicPartition, Long> next,
                                              Map<TopicPartition, Long> generations, boolean rowByRow)
            throws SQLException {
        Connection c = target.validConnection();
        Map<TopicPartition, Long> stored = new HashMap<>(next);
        Map<TableId, List<ChangeEvent>> byTable = prepare(c, events, stored);
        Map<TableId, TableStats> stats = new LinkedHashMap<>();
        for (Map.Entry<TableId, List<ChangeEvent>> en : byTable.entrySet()) {
            TableHandle h = registry.get(en.getKey());
            if (h == null) {
                continue;
            }
            TableStats s = h.stats().copy();
            if (h.inError()) {
                s.fail(h.error());
            } else if (rowByRow) {
                s = applyOneByOne(c, h, en.getValue(), s);
            } else {
                applier.apply(c, h, en.getValue(), s, true);
            }
            stats.put(en.getKey(), s);
        }
        for (Map.Entry<TopicPartition, Long> en : stored.entrySet()) {
            offsets.write(c, en.getKey(), en.getValue(), generations.get(en.getKey()));
        }
        for (Map.Entry<TableId, TableStats> en : stats.entrySet()) {
            states.write(c, en.getKey(), en.getValue());
        }
        commitHook.beforeCommit(c);
        c.commit();
        publish(byTable, stats);
        return stored;
    }

    /** DDL in auto-commit; drops changes of tables in table error and freezes their partitions' offsets. */
    private Map<TableId, List<ChangeEvent>> prepare(Connection c, List<ChangeEvent> events,
                                                    Map<TopicPartition, Long> stored) throws SQLException {
        Map<TableId, List<ChangeEvent>> byTable = new LinkedHashMap<>();
        c.setAutoCommit(true);
        TableId listTable = null;
        List<ChangeEvent> list = null;
        try {
            for (ChangeEvent e : events) {
                registry.prepare(c, e);
                TableHandle h = registry.get(e.table());
                if (h != null && h.inError()) {
                    TopicPartition tp = new TopicPartition(e.coordinates().topic(), e.coordinates().partition());
                    frozen.putIfAbsent(tp, e.coordinates().offset());
                }
                if (e.op() != Op.SKIP && h != null) {
                    if (list == null || !e.table().equals(listTable)) {
                        listTable = e.table();
                        list = byTable.computeIfAbsent(e.table(), k -> new ArrayList<>());
                    }
                    if (!h.inError()) {
                        list.add(e);
                    }
                }
            }
        } finally {
            c.setAutoCommit(false);
        }
        stored.replaceAll((tp, off) -> frozen.containsKey(tp) ? Math.min(off, frozen.get(tp)) : off);
        return byTable;
    }

    private TableStats applyOneByOne(Connection c, TableHandle h, List<ChangeEvent> events, TableStats stats)
            throws SQLException {
        TableStats current = stats;
        for (ChangeEvent e : events) {
            var savepoint = c.setSavepoint();
            TableStats attempt = current.copy();
            try {
                applier.apply(c, h, List.of(e), attempt, false);
                current = attempt;
            } catch (SQLException ex) {
                if (SqlErrors.retriable(ex)) {
                    throw ex;
                }
                c.rollback(savepoint);
                refuse(c, e, ex);
            }
        }
        return current;
    }

    private void refuse(Connection c, ChangeEvent e, SQLException ex) throws SQLException {
        String why = SqlErrors.describe(ex);
        String what = "Cannot apply " + e.op().name().toLowerCase(java.util.Locale.ROOT) + " to table " + e.table()
                + " (" + e.coordinates() + ", key " + ApplyExceptionLog.describeKey(e) + "): " + why;
        boolean data = SqlErrors.dataError(ex) || ex instanceof TableApplier.MissingBeforeImageException;
        if (!data || policy == ErrorPolicy.STOP_TASK) {
            throw new RecordFailure(what + (data ? ". The task stops (error-policy=stop-task); fix the target or "
                    + "set error-policy to log-error or ignore-record, then restart" : ""), ex);
        }
        if (policy == ErrorPolicy.LOG_ERROR) {
            exceptions.write(c, e, why);
            LOG.warn("{}; logged to ferry_apply_exceptions", what);
        } else {
            LOG.warn("{}; ignored (error-policy=ignore-record)", what);
        }
    }

    private void publish(Map<TableId, List<ChangeEvent>> byTable, Map<TableId, TableStats> stats) {
        for (Map.Entry<TableId, TableStats> en : stats.entrySet()) {
            TableHandle h = registry.get(en.getKey());
            h.publish(en.getValue());
            jmx.update(en.getKey(), en.getValue());
            if (byTable.get(en.getKey()).stream().anyMatch(e -> e.op() != Op.READ)) {
                h.endBulk();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            target.connection().rollback();
        } catch (SQLException e) {
            target.reset();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to retry a flush", e);
        }
    }

    /** A record the error policy says must stop the task. */
    static final class RecordFailure extends SQLException {
        RecordFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
