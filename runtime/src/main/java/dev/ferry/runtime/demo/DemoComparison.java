package dev.ferry.runtime.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Compares every table of the source database with its {@code snc_} copy in the target, row by row. */
final class DemoComparison {
    static final String TARGET_SCHEMA = DemoServers.SOURCE_DATABASE;
    static final String PREFIX = "snc_";

    private final PrintWriter out;

    DemoComparison(PrintWriter out) {
        this.out = out;
    }

    boolean compare(DemoServers servers) throws SQLException {
        long rows = 0;
        int tables = 0;
        boolean equal = true;
        try (Connection src = servers.source(); Connection tgt = servers.target()) {
            out.printf("  %-28s %-32s %10s %10s %18s  %s%n", "source", "target", "src rows", "tgt rows",
                    "checksum", "result");
            for (String table : TableChecksum.mysqlTables(src, DemoServers.SOURCE_DATABASE)) {
                List<TableChecksum.Column> cols = TableChecksum.mysqlColumns(src, DemoServers.SOURCE_DATABASE, table);
                TableChecksum a = TableChecksum.of(src, "`" + table + "`", cols, '`');
                TableChecksum b = target(tgt, table, cols);
                boolean same = a.equals(b);
                equal &= same;
                tables++;
                rows += a.rows();
                out.printf("  %-28s %-32s %10d %10s %18s  %s%n", DemoServers.SOURCE_DATABASE + "." + table,
                        TARGET_SCHEMA + "." + PREFIX + table, a.rows(), b == null ? "missing" : b.rows(),
                        Long.toHexString(a.checksum()), same ? "equal" : "DIFFERENT");
            }
        }
        if (!equal) {
            showDifferences(servers);
        }
        out.println(equal ? "target equals source: " + tables + " tables, " + rows + " rows, every column compared"
                : "target differs from source (see DIFFERENT above)");
        return equal;
    }

    private void showDifferences(DemoServers servers) throws SQLException {
        try (Connection src = servers.source(); Connection tgt = servers.target()) {
            for (String table : TableChecksum.mysqlTables(src, DemoServers.SOURCE_DATABASE)) {
                if (!sameTable(src, tgt, table)) {
                    showDifferences(src, tgt, table);
                }
            }
        }
    }

    private void showDifferences(Connection src, Connection tgt, String table) throws SQLException {
        List<TableChecksum.Column> cols = TableChecksum.mysqlColumns(src, DemoServers.SOURCE_DATABASE, table);
        java.util.Set<String> a = TableChecksum.rowTexts(src, "`" + table + "`", cols, '`');
        java.util.Set<String> b;
        try {
            b = TableChecksum.rowTexts(tgt, "\"" + TARGET_SCHEMA + "\".\"" + PREFIX + table + "\"", cols, '"');
        } catch (SQLException e) {
            out.println("  " + table + ": cannot read the target table: " + e.getMessage());
            return;
        }
        a.stream().filter(r -> !b.contains(r)).limit(3).forEach(r -> out.println("  " + table + " only in source: " + r));
        b.stream().filter(r -> !a.contains(r)).limit(3).forEach(r -> out.println("  " + table + " only in target: " + r));
    }

    static boolean sameTable(Connection src, Connection tgt, String table) throws SQLException {
        List<TableChecksum.Column> cols = TableChecksum.mysqlColumns(src, DemoServers.SOURCE_DATABASE, table);
        return TableChecksum.of(src, "`" + table + "`", cols, '`').equals(target(tgt, table, cols));
    }

    private static TableChecksum target(Connection tgt, String table, List<TableChecksum.Column> cols) {
        try {
            return TableChecksum.of(tgt, "\"" + TARGET_SCHEMA + "\".\"" + PREFIX + table + "\"", cols, '"');
        } catch (SQLException e) {
            return null;
        }
    }
}
