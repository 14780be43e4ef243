package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** What the MySQL-family and PostgreSQL test databases share: names, credentials and connections. */
abstract class AbstractTestDatabase implements TestDatabase {
    final ServerEndpoint server;
    final String name;
    final String user = Names.user();
    final String password = Names.password();
    final String replicationUser = Names.user();
    final String replicationPassword = Names.password();

    AbstractTestDatabase(ServerEndpoint server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates the database and its users. */
    abstract void create() throws SQLException;

    /** Drops the database and its users (and, for PostgreSQL, the replication slots in it). */
    abstract void drop() throws SQLException;

    /** Housekeeping after each test, e.g. dropping replication slots a test created. */
    void afterEach() throws SQLException {
    }

    @Override
    public String engine() {
        return server.engine();
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String replicationUser() {
        return replicationUser;
    }

    @Override
    public String replicationPassword() {
        return replicationPassword;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), credentials());
    }

    @Override
    public Connection adminConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.adminUser());
        p.setProperty("password", server.adminPassword());
        return DriverManager.getConnection(server.jdbcUrl(server.adminDatabase()), p);
    }

    @Override
    public String toString() {
        return engine() + " database " + name + " at " + host() + ":" + port();
    }
}
