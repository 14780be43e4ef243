package dev.ferry.source.preflight;

import java.sql.SQLException;

/** Creating and reading a logical slot needs the REPLICATION attribute (or superuser). */
final class ReplicationRoleCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.replication-role";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String ok = Sql.string(context.connection(),
                "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user");
        String user = Sql.string(context.connection(), "SELECT current_user");
        if ("t".equals(ok) || "true".equals(ok)) {
            return CheckResult.pass(id(), user + " has REPLICATION");
        }
        return CheckResult.fail(id(), user + " lacks the REPLICATION attribute",
                "ALTER ROLE " + user + " REPLICATION; (on RDS: GRANT rds_replication TO " + user + ";)");
    }
}
