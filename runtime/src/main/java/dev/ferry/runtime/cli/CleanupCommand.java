package dev.ferry.runtime.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;

import dev.ferry.runtime.migrate.ExitCodes;
import dev.ferry.runtime.migrate.InstanceLock;
import dev.ferry.runtime.migrate.RunDirectory;
import dev.ferry.runtime.migrate.TaskCleanup;
import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.transforms.plan.TableMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry cleanup -c task.yaml [--drop-target-tables]}: forget a task. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Remove everything the task created outside the target tables: replication slot and "
                + "publication, topics and Connect state, control rows, the data directory's state. Target tables "
                + "only with --drop-target-tables.")
public final class CleanupCommand implements Callable<Integer> {
    @Mixin
    TaskOption task;

    @Option(names = "--drop-target-tables", description = "Also drop the tables the task created in the target.")
    boolean dropTargetTables;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TaskFile t = task.load();
        PrintWriter out = spec.commandLine().getOut();
        if (InstanceLock.isHeld(t.dataDir())) {
            spec.commandLine().getErr().println("ferry: task " + t.name() + " is running; stop it (SIGTERM) before "
                    + "cleanup");
            return ExitCodes.CONFLICT;
        }
        if (dropTargetTables) {
            dropTargetTables(t, out);
        }
        TaskCleanup.all(t, new RunDirectory(t.dataDir()));
        out.println("task " + t.name() + ": slot, publication, topics, Connect state, control rows and data-dir state "
                + "removed");
        return ExitCodes.OK;
    }

    private static void dropTargetTables(TaskFile t, PrintWriter out) throws Exception {
        TaskPlan plan = TaskPlan.of(t);
        boolean mysql = t.target().engine().isMySqlFamily();
        String q = mysql ? "`" : "\"";
        try (Connection c = JdbcEndpoints.connect(t.target()); Statement s = c.createStatement()) {
            for (TableMapping m : plan.mapping().tables()) {
                String name = q + m.targetSchema().replace(q, q + q) + q + "." + q + m.targetTable().replace(q, q + q) + q;
                s.execute("DROP TABLE IF EXISTS " + name);
                out.println("dropped " + m.targetName());
            }
        }
    }
}
