package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs every source check that applies and collects the verdicts; a check that errors is itself a failure. */
public final class Preflight {
    private final List<PreflightCheck> checks;

    public Preflight(List<PreflightCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** All source checks, MySQL/MariaDB and PostgreSQL; each decides whether it applies. */
    public static Preflight sourceChecks() {
        List<PreflightCheck> all = new ArrayList<>(MySqlChecks.variables());
        all.add(new ServerIdCheck());
        all.add(new MySqlRowValueOptionsCheck());
        all.add(new BinlogRetentionCheck());
        all.add(new TimeZoneCheck());
        all.add(new MySqlPrivilegeCheck("REPLICATION SLAVE", "to read the binary log", c -> true,
                "REPLICATION SLAVE", "REPLICATION REPLICA"));
        all.add(new MySqlPrivilegeCheck("BINLOG MONITOR", "to read binlog positions", c -> c.server().isMariaDb(),
                "BINLOG MONITOR", "REPLICATION CLIENT"));
        all.add(new MySqlPrivilegeCheck("REPLICATION CLIENT", "to read binlog positions", c -> c.server().isMySql(),
                "REPLICATION CLIENT"));
        all.add(new MySqlPrivilegeCheck("RELOAD", "tables without a key are snapshotted under a brief global read "
                + "lock", PreflightContext::hasKeylessTables, "RELOAD"));
        all.add(new SelectPrivilegeCheck());
        all.add(new WalLevelCheck());
        all.add(new ReplicationCapacityCheck());
        all.add(new ReplicationRoleCheck());
        all.add(new PublicationRightsCheck());
        all.add(new ReplicaIdentityCheck());
        all.add(new WalRetentionCheck());
        all.add(new LongTransactionCheck());
        return new Preflight(all);
    }

    /** Checks of a target endpoint: may create schemas and tables; the bulk load path is available. */
    public static Preflight targetChecks() {
        return new Preflight(List.of(new TargetCreateCheck(), new LocalInfileCheck()));
    }

    public List<CheckResult> run(PreflightContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (PreflightCheck check : checks) {
            if (!check.appliesTo(context)) {
                continue;
            }
            try {
                results.add(check.run(context));
            } catch (SQLException | RuntimeException e) {
                results.add(CheckResult.fail(check.id(), "the check itself failed: "
                        + context.endpoint().password().scrub(String.valueOf(e.getMessage())), "run it again with "
                        + "--verbose; if it persists, report it"));
            }
        }
        return results;
    }

    /** Whether any result is a failure. */
    public static boolean failed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL);
    }
}
