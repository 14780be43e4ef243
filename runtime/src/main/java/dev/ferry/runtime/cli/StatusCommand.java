package dev.ferry.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ferry.runtime.migrate.ControlSchema;
import dev.ferry.runtime.migrate.ControlSchema.TableRow;
import dev.ferry.runtime.migrate.ExitCodes;
import dev.ferry.runtime.migrate.InstanceLock;
import dev.ferry.runtime.migrate.RunDirectory;
import dev.ferry.runtime.task.TaskFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry status -c task.yaml}: whether the task runs, and every table's state and statistics, read from the
 * control tables in the target, so it works for a running and a stopped task alike.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the task's state and per-table statistics. Exit 0 if running or finished, 1 if a table "
                + "failed, 3 if the task never started.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    TaskOption task;

    @Option(names = "--json", description = "One JSON document instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TaskFile t = task.load();
        RunDirectory dir = new RunDirectory(t.dataDir());
        boolean running = InstanceLock.isHeld(t.dataDir());
        ControlSchema control = new ControlSchema(t.target(), t.settings().controlSchema(), t.name());
        Map<String, TableRow> tables;
        try (Connection c = control.connect()) {
            tables = control.exists(c) ? control.tables(c) : Map.of();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!running && tables.isEmpty() && !Files.exists(dir.fingerprintFile())) {
            out.println("task " + t.name() + " has never been started");
            return ExitCodes.CONFLICT;
        }
        boolean failed = tables.values().stream().anyMatch(r -> "table-error".equals(r.state()));
        String state = running ? "running" : "stopped";
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("v", 1);
            doc.put("task", t.name());
            doc.put("state", failed ? "failed" : state);
            doc.put("tables", List.copyOf(tables.values()));
            out.println(new ObjectMapper().writeValueAsString(doc));
        } else {
            out.println("task " + t.name() + ": " + (failed ? "failed" : state));
            out.printf("  %-40s %-12s %12s %10s %10s %10s %6s%n", "table", "state", "full-load", "inserts", "updates",
                    "deletes", "ddls");
            for (TableRow r : tables.values()) {
                out.printf("  %-40s %-12s %12d %10d %10d %10d %6d%s%n", r.table(), r.state(), r.fullLoadRows(),
                        r.inserts(), r.updates(), r.deletes(), r.ddls(), r.error() == null ? "" : "  " + r.error());
            }
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
