package dev.ferry.runtime.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

import dev.ferry.runtime.plan.TaskPlan;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.endpoint.ConnectionTester;
import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.source.preflight.CheckResult;
import dev.ferry.source.preflight.CheckStatus;
import dev.ferry.source.preflight.Preflight;
import dev.ferry.source.preflight.PreflightContext;
import dev.ferry.source.preflight.ServerInfo;
import dev.ferry.source.preflight.TableRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code ferry test-connection -c task.yaml}: reach both endpoints, then run every preflight check. */
@Command(name = "test-connection", mixinStandardHelpOptions = true,
        description = "Connect to the source and the target, report server versions and every preflight check "
                + "(binlog/WAL settings, privileges, keys). Exit 0 when nothing fails, 1 when something does.")
public final class TestConnectionCommand implements Callable<Integer> {
    @Mixin
    TaskOption task;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TaskFile t = task.load();
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = connect(out, "source", t.source()) & connect(out, "target", t.target());
        if (!ok) {
            return FerryCli.EXIT_FAILED;
        }
        List<TableRef> tables = TaskPlan.of(t).tableRefs();
        out.println("Selected tables: " + tables.size());
        boolean passed = report(out, "source", t.source(), Preflight.sourceChecks(), tables)
                & report(out, "target", t.target(), Preflight.targetChecks(), List.of());
        return passed ? FerryCli.EXIT_OK : FerryCli.EXIT_FAILED;
    }

    private static boolean connect(PrintWriter out, String role, Endpoint e) {
        ConnectionTester.Result r = new ConnectionTester(role).test(e);
        out.printf("%-7s %s  %s%n", role, e.describe(), r.ok() ? "OK  " + r.serverVersion() : "FAILED");
        if (!r.ok()) {
            out.println("        " + r.failure().message());
        }
        return r.ok();
    }

    private static boolean report(PrintWriter out, String role, Endpoint e, Preflight checks, List<TableRef> tables)
            throws Exception {
        List<CheckResult> results;
        try (Connection c = JdbcEndpoints.connect(e)) {
            results = checks.run(new PreflightContext(e, c, ServerInfo.of(c, e.engine()), tables));
        }
        out.println("Preflight (" + role + "):");
        for (CheckResult r : results) {
            out.printf("  %-4s  %-34s %s%n", r.status(), r.check(), r.message());
            if (r.fix() != null && r.status() != CheckStatus.PASS) {
                out.printf("        %-34s fix: %s%n", "", r.fix());
            }
        }
        return !Preflight.failed(results);
    }
}
