package dev.ferry.runtime.migrate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.runtime.connect.ConnectRest;
import dev.ferry.runtime.kafka.TopicManager;
import dev.ferry.runtime.migrate.ControlSchema.TableRow;
import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.debezium.DebeziumConfigCompiler;
import dev.ferry.transforms.plan.TableMapping;

/**
 * {@code ferry wait}: blocks until the task's full load is completed, or until every change committed on the source
 * before the wait began has been applied to the target (brief §3). Exit 0, 1 when the task failed, 124 on timeout.
 */
public final class TaskWaiter {
    private static final long POLL_MS = 500;

    private final TaskFile task;
    private final PrintWriter err;
    private final RunDirectory dir;
    private final ControlSchema control;
    private TaskPlan plan;

    public TaskWaiter(TaskFile task, PrintWriter err) {
        this.task = task;
        this.err = err;
        this.dir = new RunDirectory(task.dataDir());
        this.control = new ControlSchema(task.target(), task.settings().controlSchema(), task.name());
    }

    private TaskPlan plan() throws Exception {
        if (plan == null) {
            plan = TaskPlan.of(task);
        }
        return plan;
    }

    /** Every selected table is 'completed' in {@code ferry_table_state}. */
    public int fullLoad(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> targets = plan().mapping().tables().stream().map(TableMapping::targetName).toList();
        while (true) {
            Map<String, TableRow> rows;
            try (Connection c = control.connect()) {
                rows = control.exists(c) ? control.tables(c) : Map.of();
            }
            String failure = failure(rows);
            if (failure != null) {
                err.println("ferry: task " + task.name() + " failed: " + failure);
                return ExitCodes.FAILED;
            }
            if (targets.stream().allMatch(t -> rows.containsKey(t) && "completed".equals(rows.get(t).state()))) {
                return ExitCodes.OK;
            }
            if (!sleepUntil(deadline)) {
                err.println("ferry: timed out after " + timeout + " waiting for the full load of task " + task.name());
                return ExitCodes.TIMEOUT;
            }
        }
    }

    /**
     * Takes the source position now and waits until the source connector's committed offset passes it and the sink
     * has applied every data topic up to the end offsets read after that. With {@code maxLag}, a round must finish
     * within that time of taking its position, else a new position is taken (the replication lag is then at most
     * {@code maxLag}); the first position already covers every change committed before the wait began.
     */
    public int caughtUp(Duration maxLag, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> topics = plan().mapping().tables().stream()
                .map(m -> task.name() + "." + m.sourceSchema() + "." + m.sourceTable()).toList();
        String sourceName = DebeziumConfigCompiler.connectorName(task.name());
        String sinkName = TaskConnectors.sinkName(task.name());
        while (true) {
            SourcePosition target = SourcePosition.current(task.source());
            long roundStart = System.nanoTime();
            long roundDeadline = maxLag == null ? Long.MAX_VALUE : roundStart + maxLag.toNanos();
            Map<String, Long> ends = null;
            while (true) {
                Map<String, Object> runtime = dir.readRuntime();
                String failure = runningFailure(runtime, sourceName, sinkName);
                if (failure != null) {
                    err.println("ferry: task " + task.name() + " failed: " + failure);
                    return ExitCodes.FAILED;
                }
                if (!runtime.isEmpty()) {
                    String bootstrap = String.valueOf(runtime.get("bootstrap-servers"));
                    if (ends == null) {
                        ConnectRest rest = new ConnectRest("http://127.0.0.1:" + runtime.get("connect-rest-port"));
                        if (target.passedBy(sourceOffset(rest, sourceName))) {
                            try (TopicManager admin = new TopicManager(bootstrap, false)) {
                                ends = admin.endOffsets(topics);
                            }
                        }
                    }
                    if (ends != null && applied(bootstrap, ends)) {
                        if (System.nanoTime() <= roundDeadline) {
                            return ExitCodes.OK;
                        }
                        break;
                    }
                }
                if (System.nanoTime() > roundDeadline) {
                    break;
                }
                if (!sleepUntil(deadline)) {
                    err.println("ferry: timed out after " + timeout + " waiting for task " + task.name()
                            + " to apply the source changes up to " + target);
                    return ExitCodes.TIMEOUT;
                }
            }
        }
    }

    private boolean applied(String bootstrap, Map<String, Long> ends) throws Exception {
        Map<String, Long> sink;
        try (Connection c = control.connect()) {
            sink = control.exists(c) ? control.offsets(c) : Map.of();
        }
        try (TopicProbe probe = new TopicProbe(bootstrap)) {
            for (Map.Entry<String, Long> e : ends.entrySet()) {
                if (!probe.noRecordsBetween(e.getKey(), sink.getOrDefault(e.getKey(), 0L), e.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The source connector's committed offset (its only source partition), or null when none is committed. */
    static JsonNode sourceOffset(ConnectRest rest, String connector) {
        JsonNode offsets;
        try {
            offsets = rest.get("/connectors/" + connector + "/offsets").path("offsets");
        } catch (IllegalStateException e) {
            return null;
        }
        for (JsonNode o : offsets) {
            return o.path("offset");
        }
        return null;
    }

    /** A failure of the running task (connector or table), or of its last run; null if none. */
    private String runningFailure(Map<String, Object> runtime, String sourceName, String sinkName) throws Exception {
        if (!runtime.isEmpty()) {
            try {
                ConnectRest rest = new ConnectRest("http://127.0.0.1:" + runtime.get("connect-rest-port"));
                String f = ConnectorHealth.failure(rest, sourceName, sinkName);
                if (f != null) {
                    return f;
                }
            } catch (IllegalStateException e) {
                // the instance is stopping or starting; look again on the next round
            }
        }
        try (Connection c = control.connect()) {
            return failure(control.exists(c) ? control.tables(c) : Map.of());
        }
    }

    private String failure(Map<String, TableRow> rows) {
        for (TableRow r : rows.values()) {
            if ("table-error".equals(r.state())) {
                return "table " + r.table() + ": " + r.error();
            }
        }
        if (!InstanceLock.isHeld(task.dataDir())) {
            return dir.readState().failure();
        }
        return null;
    }

    private static boolean sleepUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        Thread.sleep(Math.min(POLL_MS, Math.max(1, left / 1_000_000)));
        return true;
    }
}
