package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database on the MySQL-family test server: the embedded MariaDB 10.11, or the server named by
 * {@code FERRY_TEST_MYSQL_URL} / {@code FERRY_TEST_MARIADB_URL}. {@link #engine()} tells which.
 */
public final class MariaDbDatabase extends AbstractTestDatabase {
    MariaDbDatabase(ServerEndpoint server, String name) {
        super(server, name);
    }

    /** The global privileges a binlog source connector needs (MariaDB calls REPLICATION CLIENT "BINLOG MONITOR"). */
    public String replicationGrants() {
        String monitor = "mysql".equals(engine()) ? "REPLICATION CLIENT" : "BINLOG MONITOR";
        return "SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, " + monitor;
    }

    @Override
    void create() throws SQLException {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + user + "'@'%'");
            s.execute("CREATE USER '" + replicationUser + "'@'%' IDENTIFIED BY '" + replicationPassword + "'");
            s.execute("GRANT " + replicationGrants() + " ON *.* TO '" + replicationUser + "'@'%'");
        }
    }

    @Override
    void drop() throws SQLException {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            s.execute("DROP USER IF EXISTS '" + replicationUser + "'@'%'");
        }
    }
}
