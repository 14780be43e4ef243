package dev.ferry.runtime.cli;

import java.util.concurrent.Callable;

import dev.ferry.runtime.migrate.ExitCodes;
import dev.ferry.runtime.migrate.InstanceLock;
import dev.ferry.runtime.migrate.MigrationRunner;
import dev.ferry.runtime.migrate.StopSignal;
import dev.ferry.runtime.task.TaskFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry migrate -c task.yaml}: runs a task in the foreground; running it again resumes. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Run a task: full load, CDC, or full load then CDC. Runs in the foreground; SIGINT/SIGTERM "
                + "stop it within 30 s and running it again resumes. A full-load task exits 0 once every table is "
                + "completed.")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    TaskOption task;

    @Option(names = "--json", description = "Progress as JSON lines (version 1) instead of text.")
    boolean json;

    @Option(names = "--restart", description = "Forget everything the task did (topics, offsets, slot, table "
            + "state) and start over; target tables are prepared again.")
    boolean restart;

    @Option(names = "--stop-after", paramLabel = "full-load", description = "Stop once the full load is completed "
            + "(full-load-and-cdc tasks): exit 0, resume later with CDC.")
    String stopAfter;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Set by {@code main}: the process's signal handlers. In-process callers (tests) use their own. */
    static StopSignal processSignal;

    @Override
    public Integer call() throws Exception {
        if (stopAfter != null && !"full-load".equals(stopAfter)) {
            throw new UsageException("--stop-after accepts only full-load");
        }
        TaskFile t = task.load();
        StopSignal stop = processSignal != null ? processSignal : new StopSignal();
        var options = new MigrationRunner.Options(json, restart, stopAfter != null);
        try {
            return new MigrationRunner(t, options, spec.commandLine().getOut(), stop).run();
        } catch (InstanceLock.AlreadyRunningException e) {
            spec.commandLine().getErr().println("ferry: " + e.getMessage());
            return ExitCodes.CONFLICT;
        }
    }
}
