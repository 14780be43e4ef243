package dev.ferry.source.discovery;

import java.sql.Connection;
import java.sql.SQLException;

/** Small catalogue helpers. */
final class Sql {
    private Sql() {
    }

    static String version(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }
}
