package dev.ferry.runtime.migrate;

import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;

import dev.ferry.runtime.cli.UsageException;
import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.source.preflight.CheckResult;
import dev.ferry.source.preflight.CheckStatus;
import dev.ferry.source.preflight.Preflight;
import dev.ferry.source.preflight.PreflightContext;
import dev.ferry.source.preflight.ServerInfo;

/** What must hold before a task starts or resumes: the same task as before, and a source that passes preflight. */
final class TaskGuard {
    private TaskGuard() {
    }

    /**
     * Later starts must have the same source, target, migration type and mapping as the first one, or exit 2 naming
     * what changed — unless {@code restart}, which wipes the task's state and starts over. Returns the fingerprint to
     * remember once the task really starts ({@link Fingerprint#write}), so a first start that fails its checks
     * leaves nothing behind.
     */
    static Fingerprint checkFingerprint(TaskFile task, RunDirectory dir, boolean restart) throws Exception {
        Fingerprint now = Fingerprint.of(task);
        if (restart) {
            TaskCleanup.forRestart(task, dir);
        } else if (Files.exists(dir.fingerprintFile())) {
            List<String> changed = now.changedSince(Fingerprint.read(dir.fingerprintFile()));
            if (!changed.isEmpty()) {
                throw new UsageException("task " + task.name() + " changed since its first start ("
                        + String.join(", ", changed) + "); undo the change, or run again with --restart to start "
                        + "over (every table is loaded again)");
            }
        }
        return now;
    }

    /** Runs the source preflight for the selected tables; the first failure stops the task before any change. */
    static void preflight(TaskFile task, TaskPlan plan) throws Exception {
        List<CheckResult> results;
        try (Connection c = JdbcEndpoints.connect(task.source())) {
            results = Preflight.sourceChecks().run(new PreflightContext(task.source(), c,
                    ServerInfo.of(c, task.source().engine()), plan.tableRefs()));
        }
        for (CheckResult r : results) {
            if (r.status() == CheckStatus.FAIL) {
                throw new PreflightFailedException("source check " + r.check() + " failed: " + r.message()
                        + "; fix: " + r.fix() + " (`ferry test-connection` lists every check)");
            }
        }
    }

    /** A preflight check failed: nothing was changed, exit 1. */
    static final class PreflightFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreflightFailedException(String message) {
            super(message);
        }
    }
}
