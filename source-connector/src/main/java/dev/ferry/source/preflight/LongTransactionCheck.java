package dev.ferry.source.preflight;

import java.sql.SQLException;

/** Creating a logical slot waits for every transaction already running; one open for long delays the start. */
final class LongTransactionCheck extends PostgresCheck {
    static final int MINUTES = 5;

    @Override
    public String id() {
        return "postgres.long-transactions";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        long count = Sql.number(context.connection(), "SELECT count(*) FROM pg_stat_activity WHERE xact_start < now() "
                + "- interval '" + MINUTES + " minutes' AND pid <> pg_backend_pid()");
        if (count == 0) {
            return CheckResult.pass(id(), "no transaction has been open for more than " + MINUTES + " minutes");
        }
        return CheckResult.warn(id(), count + " transaction(s) open for more than " + MINUTES + " minutes; the "
                + "replication slot cannot be created until they end", "find them with SELECT pid, xact_start, query "
                + "FROM pg_stat_activity ORDER BY xact_start; and end them");
    }
}
