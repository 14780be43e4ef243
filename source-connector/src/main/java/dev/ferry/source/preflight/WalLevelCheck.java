package dev.ferry.source.preflight;

import java.sql.SQLException;

/** Logical decoding needs {@code wal_level=logical}. */
final class WalLevelCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.wal-level";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String level = Sql.string(context.connection(), "SHOW wal_level");
        if ("logical".equals(level)) {
            return CheckResult.pass(id(), "wal_level is logical");
        }
        return CheckResult.fail(id(), "wal_level is " + level + ", must be logical",
                "ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL (on RDS: rds.logical_replication = 1)");
    }
}
