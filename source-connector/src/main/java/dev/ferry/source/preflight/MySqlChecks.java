package dev.ferry.source.preflight;

import java.util.List;

/** The MySQL/MariaDB source checks that compare one server variable with the values CDC needs. */
final class MySqlChecks {
    private MySqlChecks() {
    }

    static List<PreflightCheck> variables() {
        return List.of(
                new ServerVariableCheck("mysql.binlog", "log_bin", List.of("ON", "1"),
                        "enable the binary log: add `log_bin=mysql-bin` and `server_id=<unique number>` under "
                                + "[mysqld] and restart the server", s -> true),
                new ServerVariableCheck("mysql.binlog-format", "binlog_format", List.of("ROW"),
                        "SET GLOBAL binlog_format = 'ROW'; and add `binlog_format=ROW` to the server configuration",
                        s -> true),
                new ServerVariableCheck("mysql.binlog-row-image", "binlog_row_image", List.of("FULL"),
                        "SET GLOBAL binlog_row_image = 'FULL'; and add `binlog_row_image=FULL` to the server "
                                + "configuration", s -> true),
                new ServerVariableCheck("mariadb.binlog-legacy-event-pos", "binlog_legacy_event_pos",
                        List.of("ON", "1"), "add `binlog_legacy_event_pos=1` to the server configuration (MariaDB 11.4+ "
                                + "otherwise reports positions Debezium cannot resume from) and restart",
                        s -> s.isMariaDb() && s.atLeast(11, 4)),
                new ServerVariableCheck("mariadb.log-bin-compress", "log_bin_compress", List.of("OFF", "0"),
                        "SET GLOBAL log_bin_compress = OFF; (Debezium cannot read compressed binlog events)",
                        ServerInfo::isMariaDb),
                new ServerVariableCheck("mysql.gtid-mode", "gtid_mode", List.of("ON"),
                        "switch GTIDs on (gtid_mode=ON, enforce_gtid_consistency=ON): read-only incremental snapshots "
                                + "need them; or allow Ferry a signal table in the source", ServerInfo::isMySql));
    }
}
