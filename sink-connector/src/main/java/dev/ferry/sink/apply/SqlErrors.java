package dev.ferry.sink.apply;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Classifies database errors: retriable (try the flush again) or a value the target cannot take (error policy). */
public final class SqlErrors {
    private static final Set<Integer> MYSQL_RETRIABLE = Set.of(1205, 1213, 2006, 2013, 1927);
    private static final Set<Integer> MYSQL_DATA = Set.of(1048, 1062, 1264, 1265, 1292, 1366, 1406, 1367, 1452,
            1690, 3140, 4025, 1525, 1411, 1918);

    private SqlErrors() {
    }

    public static boolean retriable(SQLException e) {
        String state = state(e);
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.equals("57P01")
                || MYSQL_RETRIABLE.contains(e.getErrorCode());
    }

    public static boolean dataError(SQLException e) {
        String state = state(e);
        return state.startsWith("22") || state.startsWith("23") || state.equals("54000")
                || MYSQL_DATA.contains(e.getErrorCode());
    }

    private static String state(SQLException e) {
        SQLException s = e;
        while (s != null) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
            s = s.getNextException();
        }
        return "";
    }

    /** The first message plus the driver's next exception (batch failures hide the cause there). */
    public static String describe(SQLException e) {
        String msg = e.getMessage();
        SQLException next = e.getNextException();
        if (next != null && next.getMessage() != null && !next.getMessage().equals(msg)) {
            msg += " (" + next.getMessage() + ")";
        }
        return msg;
    }
}
