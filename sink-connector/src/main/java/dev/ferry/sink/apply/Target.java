package dev.ferry.sink.apply;

import dev.ferry.sink.config.SinkConfig;
import dev.ferry.sink.dialect.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The one JDBC connection of a task, opened with credentials as properties and the dialect's session settings. */
public final class Target implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Target.class);
    private final SinkConfig config;
    private final Dialect dialect;
    private Connection connection;

    public Target(SinkConfig config, Dialect dialect) {
        this.config = config;
        this.dialect = dialect;
    }

    public Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
        }
        return connection;
    }

    /**
     * The connection, checked with a round trip first: one per flush is cheap, and a connection lost while idle
     * (server restart, killed backend) is replaced before the flush starts instead of failing it half-way.
     */
    public Connection validConnection() throws SQLException {
        if (connection != null && !connection.isValid(10)) {
            LOG.warn("The connection to {} was lost while idle; reconnecting", config.url());
            close();
        }
        return connection();
    }

    private Connection open() throws SQLException {
        Properties p = config.jdbcProperties();
        switch (dialect.name()) {
            case "mariadb" -> {
                p.putIfAbsent("useBulkStmtsForInserts", "true");
                p.putIfAbsent("allowLocalInfile", "true");
            }
            case "mysql" -> {
                p.putIfAbsent("rewriteBatchedStatements", "true");
                p.putIfAbsent("allowLoadLocalInfile", "true");
            }
            default -> {
                p.putIfAbsent("reWriteBatchedInserts", "true");
                p.putIfAbsent("ApplicationName", "ferry-sink");
            }
        }
        Connection c = DriverManager.getConnection(config.url(), p);
        dialect.prepareSession(c);
        c.setAutoCommit(false);
        return c;
    }

    /** Drops the connection after an error that may have broken it; the next call reconnects. */
    public void reset() {
        close();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being discarded anyway
            }
            connection = null;
        }
    }
}
