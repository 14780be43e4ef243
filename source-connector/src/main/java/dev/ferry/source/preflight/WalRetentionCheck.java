package dev.ferry.source.preflight;

import java.sql.SQLException;

/**
 * A replication slot keeps WAL until the task reads it. With {@code max_slot_wal_keep_size = -1} a task that is
 * stopped for long lets WAL grow until the disk is full.
 */
final class WalRetentionCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.max-slot-wal-keep-size";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String size = Sql.string(context.connection(), "SHOW max_slot_wal_keep_size");
        if ("-1".equals(size)) {
            return CheckResult.warn(id(), "max_slot_wal_keep_size is unlimited: while the task is stopped, its slot "
                    + "holds back WAL until the disk is full", "ALTER SYSTEM SET max_slot_wal_keep_size = '50GB'; "
                    + "SELECT pg_reload_conf(); (size it to your disk and longest planned pause)");
        }
        return CheckResult.pass(id(), "max_slot_wal_keep_size is " + size);
    }
}
