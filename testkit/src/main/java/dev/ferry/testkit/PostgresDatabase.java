package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A database on the PostgreSQL test server: the embedded PostgreSQL 17, or the server named by
 * {@code FERRY_TEST_POSTGRES_URL}. The owner has the REPLICATION attribute (it may create publications on its own
 * tables and logical slots); the replication user has REPLICATION, CONNECT and SELECT on schema {@code public}.
 * Replication slots created in this database are dropped after each test.
 */
public final class PostgresDatabase extends AbstractTestDatabase {
    PostgresDatabase(ServerEndpoint server, String name) {
        super(server, name);
    }

    @Override
    void create() throws SQLException {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + user + " LOGIN REPLICATION PASSWORD '" + password + "'");
            s.execute("CREATE ROLE " + replicationUser + " LOGIN REPLICATION PASSWORD '" + replicationPassword + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + user + " ENCODING 'UTF8' TEMPLATE template0");
            s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + replicationUser);
        }
        try (Connection c = adminConnectionTo(name); Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + user);
            s.execute("GRANT USAGE ON SCHEMA public TO " + replicationUser);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + user + " IN SCHEMA public GRANT SELECT ON TABLES TO "
                    + replicationUser);
        }
    }

    @Override
    void afterEach() throws SQLException {
        dropReplicationSlots();
    }

    @Override
    void drop() throws SQLException {
        dropReplicationSlots();
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + user);
            s.execute("DROP ROLE IF EXISTS " + replicationUser);
        }
    }

    /** Drops every logical replication slot of this database, ending the sessions that hold one. */
    public void dropReplicationSlots() throws SQLException {
        try (Connection c = adminConnection()) {
            try (PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(active_pid) "
                    + "FROM pg_replication_slots WHERE database = ? AND active_pid IS NOT NULL")) {
                kill.setString(1, name);
                kill.execute();
            }
            try (PreparedStatement drop = c.prepareStatement(
                    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = ?")) {
                drop.setString(1, name);
                drop.execute();
            }
        }
    }

    private Connection adminConnectionTo(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.adminUser());
        p.setProperty("password", server.adminPassword());
        return DriverManager.getConnection(server.jdbcUrl(database), p);
    }
}
