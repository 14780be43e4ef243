package dev.ferry.runtime.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.runtime.kafka.TopicManager;
import dev.ferry.runtime.migrate.ControlSchema.TableRow;
import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.transforms.plan.TableMapping;

/**
 * Where every table of a task stands. A table is <em>completed</em> when the source reported its snapshot done and
 * the sink has applied its topic up to the end offset recorded at that moment (brief §2); only then is it never read
 * again.
 */
final class TableTracker {
    /** One captured table: names on both sides, its topic and the source's row estimate. */
    record Table(String source, String target, String topic, long estimated) {
    }

    private final Map<String, Table> bySource = new LinkedHashMap<>();
    private final Map<String, String> lastShown = new HashMap<>();

    TableTracker(TaskPlan plan, TaskConnectors connectors) {
        for (TableMapping m : plan.mapping().tables()) {
            long estimate = Math.max(0, plan.source(m).rowEstimate());
            bySource.put(m.sourceName(), new Table(m.sourceName(), m.targetName(), connectors.topic(m), estimate));
        }
    }

    List<Table> tables() {
        return new ArrayList<>(bySource.values());
    }

    /** Records the topic's end offset for a table whose snapshot the source just reported done. */
    void scanCompleted(String dataCollection, TopicManager topics, RunState state) {
        Table t = bySource.get(dataCollection);
        if (t == null || state.scanCompletedAt().containsKey(t.source())) {
            return;
        }
        long end = topics.endOffsets(List.of(t.topic())).getOrDefault(t.topic(), 0L);
        state.scanCompletedAt().put(t.source(), end);
    }

    /** Completes every table whose recorded offset the sink has passed; returns those completed now. */
    List<Table> complete(ControlSchema control, Connection c, Map<String, Long> sinkOffsets, TopicProbe probe,
                         RunState state) throws SQLException {
        List<Table> done = new ArrayList<>();
        for (Table t : bySource.values()) {
            Long recorded = state.scanCompletedAt().get(t.source());
            if (recorded == null || state.isCompleted(t.source())) {
                continue;
            }
            long applied = sinkOffsets.getOrDefault(t.topic(), 0L);
            if (probe.noRecordsBetween(t.topic(), applied, recorded)) {
                control.markCompleted(c, t.target());
                state.complete(t.source());
                done.add(t);
            }
        }
        return done;
    }

    boolean allCompleted(RunState state) {
        return bySource.keySet().stream().allMatch(state::isCompleted);
    }

    /** The status shown for a table: completed per the run state, else what the sink recorded. */
    TableStatus status(Table t, Map<String, TableRow> rows, RunState state) {
        TableRow row = rows.get(t.target());
        long loaded = row == null ? 0 : row.fullLoadRows();
        String state1;
        String error = null;
        if (row != null && "table-error".equals(row.state())) {
            state1 = "error";
            error = row.error();
        } else if (state.isCompleted(t.source())) {
            state1 = "completed";
        } else if (row == null || "before-load".equals(row.state())) {
            state1 = "before-load";
        } else {
            state1 = "full-load";
        }
        return new TableStatus(t.source(), t.target(), state1, loaded, t.estimated(), error);
    }

    /** Emits a line for each table whose state changed (or, when {@code rows} is set, whose row count moved). */
    void show(ProgressOutput out, Map<String, TableRow> rows, RunState state, boolean includeRowChanges) {
        for (Table t : bySource.values()) {
            TableStatus s = status(t, rows, state);
            String key = includeRowChanges ? s.state() + "/" + s.rows() : s.state();
            String previous = lastShown.get(t.source());
            String previousState = previous == null ? null : previous.split("/")[0];
            if (previous == null || !previousState.equals(s.state()) || (includeRowChanges && !previous.equals(key))) {
                out.table(s);
                lastShown.put(t.source(), s.state() + "/" + s.rows());
            }
        }
    }

    Optional<TableStatus> firstError(Map<String, TableRow> rows, RunState state) {
        return bySource.values().stream().map(t -> status(t, rows, state)).filter(s -> "error".equals(s.state()))
                .findFirst();
    }

    /**
     * Offsets not yet applied, summed over the task's topics; a topic whose remaining offsets hold only transaction
     * markers counts zero (otherwise an idle, caught-up task would show one pending change per topic forever).
     */
    long pending(Map<String, Long> endOffsets, Map<String, Long> sinkOffsets, TopicProbe probe) {
        long sum = 0;
        for (Table t : bySource.values()) {
            long applied = sinkOffsets.getOrDefault(t.topic(), 0L);
            long end = endOffsets.getOrDefault(t.topic(), 0L);
            if (end > applied && !probe.noRecordsBetween(t.topic(), applied, end)) {
                sum += end - applied;
            }
        }
        return sum;
    }
}
