package dev.ferry.source.preflight;

import java.sql.SQLException;

/** The fast MySQL/MariaDB load path is {@code LOAD DATA LOCAL INFILE}; without it the sink uses batched inserts. */
final class LocalInfileCheck implements PreflightCheck {
    @Override
    public String id() {
        return "target.local-infile";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily();
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String v = Sql.variable(context.connection(), "local_infile");
        if ("ON".equalsIgnoreCase(v) || "1".equals(v)) {
            return CheckResult.pass(id(), "local_infile is ON: the full load can use LOAD DATA LOCAL INFILE");
        }
        return CheckResult.warn(id(), "local_infile is " + v + ": the full load falls back to batched inserts, "
                + "several times slower", "SET GLOBAL local_infile = ON;");
    }
}
