package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A task stopped for longer than the binary log is kept cannot resume: its position is gone and the tables must be
 * loaded again. Less than a day of retention is a warning.
 */
final class BinlogRetentionCheck implements PreflightCheck {
    static final Duration MINIMUM = Duration.ofDays(1);

    @Override
    public String id() {
        return "mysql.binlog-retention";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily();
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        Duration kept = retention(context);
        if (kept.isZero()) {
            return CheckResult.pass(id(), "binary logs are never purged automatically");
        }
        String text = "binary logs are kept " + kept.toHours() + " h";
        if (kept.compareTo(MINIMUM) < 0) {
            return CheckResult.warn(id(), text + "; a task stopped longer than that must reload every table",
                    "SET GLOBAL binlog_expire_logs_seconds = 604800; (7 days) and the same in the configuration");
        }
        return CheckResult.pass(id(), text);
    }

    private static Duration retention(PreflightContext context) throws SQLException {
        String seconds = Sql.variable(context.connection(), "binlog_expire_logs_seconds");
        if (seconds != null && Long.parseLong(seconds) > 0) {
            return Duration.ofSeconds(Long.parseLong(seconds));
        }
        String days = Sql.variable(context.connection(), "expire_logs_days");
        if (days != null) {
            double d = Double.parseDouble(days);
            return Duration.ofSeconds((long) (d * 86_400));
        }
        return Duration.ZERO;
    }
}
