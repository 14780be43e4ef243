package dev.ferry.source.preflight;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The global privileges of the connected MySQL/MariaDB user, read from {@code SHOW GRANTS}. */
final class MySqlGrants {
    private final String account;
    private final String globalGrants;

    private MySqlGrants(String account, String globalGrants) {
        this.account = account;
        this.globalGrants = globalGrants;
    }

    static MySqlGrants of(Connection c) throws SQLException {
        String current = Sql.string(c, "SELECT CURRENT_USER()");
        int at = current.lastIndexOf('@');
        String account = "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
        StringBuilder global = new StringBuilder();
        List<String> rows = Sql.column(c, "SHOW GRANTS FOR CURRENT_USER()");
        for (String row : rows) {
            // Only the privilege list before " ON *.*" is kept: the rest of the row may hold a password hash.
            String upper = row.toUpperCase(Locale.ROOT);
            int on = upper.indexOf(" ON *.* ");
            if (upper.startsWith("GRANT ") && on > 0) {
                global.append(upper, "GRANT ".length(), on).append(',');
            }
        }
        return new MySqlGrants(account, global.toString());
    }

    /** Whether any of the names (or ALL PRIVILEGES) is granted on {@code *.*}. */
    boolean hasGlobal(String... names) {
        if (globalGrants.contains("ALL PRIVILEGES")) {
            return true;
        }
        for (String n : names) {
            if (("," + globalGrants.replace(", ", ",")).contains("," + n + ",")) {
                return true;
            }
        }
        return false;
    }

    /** The account as GRANT wants it, e.g. {@code 'repl'@'%'}. */
    String account() {
        return account;
    }
}
