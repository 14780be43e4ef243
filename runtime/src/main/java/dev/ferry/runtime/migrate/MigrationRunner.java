package dev.ferry.runtime.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.runtime.connect.ConnectWorker;
import dev.ferry.runtime.kafka.TopicManager;
import dev.ferry.runtime.migrate.ControlSchema.TableRow;
import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.debezium.DebeziumConfigCompiler;
import dev.ferry.source.debezium.MigrationType;
import dev.ferry.source.debezium.SnapshotSignal;

/**
 * {@code ferry migrate}: runs one task in the foreground (brief §3) — embedded or external Kafka, an in-process
 * Connect worker, the task's source and sink connectors — and drives it: full load, CDC, progress, stop and resume.
 */
public final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final long TICK_MS = 500;

    /** Command-line switches of {@code migrate}. */
    public record Options(boolean json, boolean restart, boolean stopAfterFullLoad) {
    }

    private final TaskFile task;
    private final Options options;
    private final ProgressOutput out;
    private final StopSignal stop;

    public MigrationRunner(TaskFile task, Options options, java.io.PrintWriter stdout, StopSignal stop) {
        this.task = task;
        this.options = options;
        this.out = new ProgressOutput(stdout, options.json(), task.name(), Clock.systemUTC());
        this.stop = stop;
    }

    /** Runs until done, stopped or failed; returns the exit code. */
    public int run() throws Exception {
        RunDirectory dir = new RunDirectory(task.dataDir());
        try (InstanceLock ignored = InstanceLock.acquire(dir.path(), task.name())) {
            Fingerprint fingerprint = TaskGuard.checkFingerprint(task, dir, options.restart());
            out.task("starting", null);
            TaskPlan plan = TaskPlan.of(task);
            TaskGuard.preflight(task, plan);
            fingerprint.write(dir.fingerprintFile());
            try (KafkaEnvironment kafka = KafkaEnvironment.start(task.bootstrapServers(), dir.kafkaDir())) {
                dir.writeSecrets(task);
                TaskConnectors connectors = new TaskConnectors(task, plan, kafka.bootstrapServers(),
                        dir.secretsFile(), kafka.isEmbedded());
                return runWith(dir, plan, kafka, connectors);
            } finally {
                dir.deleteRuntime();
            }
        }
    }

    private int runWith(RunDirectory dir, TaskPlan plan, KafkaEnvironment kafka, TaskConnectors connectors)
            throws Exception {
        try (TopicManager topics = new TopicManager(kafka.bootstrapServers(), kafka.isEmbedded())) {
            topics.ensureDataTopics(connectors.dataTopics());
            topics.ensureDataTopics(List.of(DebeziumConfigCompiler.signalTopic(task.name()),
                    DebeziumConfigCompiler.notificationTopic(task.name())));
            ConnectWorker worker = ConnectWorker.start(task.name(), kafka.bootstrapServers(), kafka.isEmbedded(),
                    Map.of());
            int code;
            try {
                dir.writeRuntime(runtimeInfo(kafka, worker));
                worker.rest().putConnector(connectors.sinkName(), connectors.sink());
                worker.rest().putConnector(connectors.sourceName(), connectors.source());
                RunState state = dir.readState();
                if (state.failure() != null) {
                    state.failure(null);
                    dir.writeState(state);
                }
                startFullLoad(worker, connectors, kafka, state, dir);
                code = monitor(dir, plan, kafka, topics, worker, connectors, state);
            } finally {
                worker.close();
            }
            if (stop.isRequested()) {
                // Connectors have flushed, committed and stopped with the worker.
                out.task("stopped", null);
            }
            return code;
        }
    }

    private void startFullLoad(ConnectWorker worker, TaskConnectors connectors, KafkaEnvironment kafka,
                               RunState state, RunDirectory dir) {
        SnapshotSignal signal = SnapshotSignal.incremental(connectors.sourceSpec());
        if (signal == null || state.signalSent()) {
            return;
        }
        ConnectorHealth.awaitRunning(worker.rest(), connectors.sourceName(), stop);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(signal.topic(), signal.key(), signal.value())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the full load", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot send the full-load signal to " + signal.topic() + ": "
                    + e.getCause().getMessage(), e);
        }
        state.signalSent(true);
        dir.writeState(state);
        LOG.info("Full-load signal sent: {}", signal.value());
    }

    private int monitor(RunDirectory dir, TaskPlan plan, KafkaEnvironment kafka, TopicManager topics,
                        ConnectWorker worker, TaskConnectors connectors, RunState state) throws Exception {
        TableTracker tracker = new TableTracker(plan, connectors);
        ControlSchema control = new ControlSchema(task.target(), task.settings().controlSchema(), task.name());
        boolean loads = task.migrationType().loadsExistingRows();
        out.task(loads ? "full-load" : "cdc", null);
        boolean fullLoadAnnounced = false;
        long lastRows = 0;
        long lastStats = System.currentTimeMillis();
        try (SnapshotNotifications notifications = new SnapshotNotifications(kafka.bootstrapServers(),
                DebeziumConfigCompiler.notificationTopic(task.name()));
             TopicProbe probe = new TopicProbe(kafka.bootstrapServers());
             Connection target = control.connect()) {
            while (true) {
                String failure = ConnectorHealth.failure(worker.rest(), connectors.sourceName(), connectors.sinkName());
                if (failure != null) {
                    return failed(dir, state, failure);
                }
                notifications.poll().forEach(n -> tracker.scanCompleted(n.dataCollection(), topics, state));
                Map<String, Long> sinkOffsets = control.exists(target) ? control.offsets(target) : Map.of();
                Map<String, TableRow> rows = control.exists(target) ? control.tables(target) : Map.of();
                if (loads && !tracker.complete(control, target, sinkOffsets, probe, state).isEmpty()) {
                    dir.writeState(state);
                }
                boolean rowTick = System.currentTimeMillis() - lastRows > 5_000;
                tracker.show(out, rows, state, rowTick);
                if (rowTick) {
                    lastRows = System.currentTimeMillis();
                }
                var error = tracker.firstError(rows, state);
                if (error.isPresent() && (task.migrationType() == MigrationType.FULL_LOAD
                        || options.stopAfterFullLoad())) {
                    return failed(dir, state, "table " + error.get().source() + ": " + error.get().error());
                }
                if (loads && !fullLoadAnnounced && tracker.allCompleted(state)) {
                    fullLoadAnnounced = true;
                    out.fullLoadCompleted();
                    if (task.migrationType() == MigrationType.FULL_LOAD || options.stopAfterFullLoad()) {
                        return finishFullLoad(worker, connectors);
                    }
                    out.task("cdc", null);
                }
                if (System.currentTimeMillis() - lastStats > 10_000) {
                    lastStats = System.currentTimeMillis();
                    Map<String, Long> ends = topics.endOffsets(connectors.dataTopics());
                    out.stats(latencyMs(rows), latencyMs(rows), tracker.pending(ends, sinkOffsets, probe));
                    if (deleteAppliedRecords(kafka)) {
                        topics.deleteRecordsBefore(sinkOffsets);
                    }
                }
                if (stop.await(TICK_MS)) {
                    return stopRequested(loads && !tracker.allCompleted(state));
                }
            }
        }
    }

    /** Reports a failure and keeps it in state.json, where {@code ferry wait} finds it after the exit. */
    private int failed(RunDirectory dir, RunState state, String reason) {
        out.task("failed", reason);
        state.failure(reason);
        dir.writeState(state);
        return ExitCodes.FAILED;
    }

    private int stopRequested(boolean fullLoadIncomplete) {
        out.task("stopping", null);
        // The caller closes the worker (connectors flush, commit and stop), then reports "stopped".
        return fullLoadIncomplete ? stop.interruptedExitCode() : ExitCodes.OK;
    }

    private int finishFullLoad(ConnectWorker worker, TaskConnectors connectors) throws SQLException {
        out.task("stopping", "full load completed");
        worker.rest().deleteConnector(connectors.sourceName());
        worker.rest().deleteConnector(connectors.sinkName());
        SourceCleanup.dropSlotAndPublication(task);
        out.task("stopped", null);
        return ExitCodes.OK;
    }

    private boolean deleteAppliedRecords(KafkaEnvironment kafka) {
        String setting = task.settings().deleteAppliedRecords();
        return "yes".equals(setting) || ("auto".equals(setting) && kafka.isEmbedded());
    }

    private static long latencyMs(Map<String, TableRow> rows) {
        long newest = rows.values().stream().map(TableRow::lastSourceTsMs).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(-1);
        return newest < 0 ? 0 : Math.max(0, System.currentTimeMillis() - newest);
    }

    private Map<String, Object> runtimeInfo(KafkaEnvironment kafka, ConnectWorker worker) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("task", task.name());
        info.put("pid", ProcessHandle.current().pid());
        info.put("bootstrap-servers", kafka.bootstrapServers());
        info.put("broker-port", kafka.brokerPort());
        info.put("controller-port", kafka.controllerPort());
        info.put("connect-rest-port", worker.restPort());
        return info;
    }
}
