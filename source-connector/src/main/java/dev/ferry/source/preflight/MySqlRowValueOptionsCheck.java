package dev.ferry.source.preflight;

import java.sql.SQLException;

/** MySQL 8's partial JSON updates write binlog events Debezium cannot turn into full rows. */
final class MySqlRowValueOptionsCheck implements PreflightCheck {
    @Override
    public String id() {
        return "mysql.binlog-row-value-options";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.server().isMySql() && context.server().atLeast(8, 0);
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String v = Sql.variable(context.connection(), "binlog_row_value_options");
        if (v == null || v.isEmpty()) {
            return CheckResult.pass(id(), "binlog_row_value_options is empty");
        }
        return CheckResult.fail(id(), "binlog_row_value_options is " + v + ", must be empty",
                "SET GLOBAL binlog_row_value_options = ''; and remove it from the server configuration");
    }
}
