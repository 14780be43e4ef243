package dev.ferry.source.preflight;

import java.sql.SQLException;

/** The task needs one free replication slot and one free WAL sender. */
final class ReplicationCapacityCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.replication-capacity";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        var c = context.connection();
        long slots = Sql.number(c, "SHOW max_replication_slots");
        long usedSlots = Sql.number(c, "SELECT count(*) FROM pg_replication_slots");
        long senders = Sql.number(c, "SHOW max_wal_senders");
        long usedSenders = Sql.number(c, "SELECT count(*) FROM pg_stat_replication");
        String state = (slots - usedSlots) + " of " + slots + " replication slots and " + (senders - usedSenders)
                + " of " + senders + " WAL senders free";
        if (slots - usedSlots < 1) {
            return CheckResult.fail(id(), state, "drop an unused slot (SELECT pg_drop_replication_slot('name');) or "
                    + "raise max_replication_slots and restart");
        }
        if (senders - usedSenders < 1) {
            return CheckResult.fail(id(), state, "raise max_wal_senders and restart PostgreSQL");
        }
        return CheckResult.pass(id(), state);
    }
}
