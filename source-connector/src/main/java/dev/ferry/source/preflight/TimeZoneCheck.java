package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.util.Set;

/**
 * MySQL/MariaDB store TIMESTAMP in UTC but show it in the session zone. Debezium reads the snapshot through JDBC and
 * the stream from the binlog (always UTC); with a server zone other than UTC, DST gaps and overlaps can make the two
 * paths disagree for some values, so a non-UTC zone is a warning and {@code ferry validate} compares such columns.
 */
final class TimeZoneCheck implements PreflightCheck {
    private static final Set<String> UTC = Set.of("+00:00", "UTC", "Etc/UTC", "GMT", "Z");

    @Override
    public String id() {
        return "mysql.time-zone";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily();
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String zone = Sql.variable(context.connection(), "time_zone");
        if ("SYSTEM".equalsIgnoreCase(zone)) {
            zone = Sql.variable(context.connection(), "system_time_zone");
        }
        if (zone != null && UTC.contains(zone)) {
            return CheckResult.pass(id(), "server time zone is UTC");
        }
        return CheckResult.warn(id(), "server time zone is " + zone + "; TIMESTAMP columns are compared between the "
                + "snapshot and the binlog by `ferry validate`", "SET GLOBAL time_zone = '+00:00'; if the "
                + "applications allow it");
    }
}
