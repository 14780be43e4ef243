package dev.ferry.source.preflight;

import java.sql.SQLException;

/** The server needs a non-zero {@code server_id} to write a binary log that replicas (and Debezium) can follow. */
final class ServerIdCheck implements PreflightCheck {
    @Override
    public String id() {
        return "mysql.server-id";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily();
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        long id = Long.parseLong(Sql.variable(context.connection(), "server_id"));
        if (id == 0) {
            return CheckResult.fail(id(), "server_id is 0", "set `server_id=<unique number>` in the server "
                    + "configuration and restart");
        }
        return CheckResult.pass(id(), "server_id is " + id);
    }
}
