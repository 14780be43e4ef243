package dev.ferry.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A fresh database on a real server, created for one test class and dropped after it.
 *
 * <p>{@link #user()} owns the database (all rights in it); {@link #replicationUser()} holds exactly what a CDC source
 * connector needs. Passwords are given to drivers as {@link Properties}, never inside a URL.
 */
public interface TestDatabase {
    /** {@code mariadb}, {@code mysql} or {@code postgres}. */
    String engine();

    String host();

    int port();

    /** Database name (MySQL/MariaDB: also the schema name). */
    String name();

    /** JDBC URL of this database, without credentials. */
    String jdbcUrl();

    String user();

    String password();

    String replicationUser();

    String replicationPassword();

    /** A connection as the owner {@link #user()}. */
    Connection connect() throws SQLException;

    /** A connection as the server's superuser (to create other databases or change server settings). */
    Connection adminConnection() throws SQLException;

    /** Runs each statement in order as the owner, in auto-commit mode. */
    default void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on test database " + name() + ": " + e.getMessage(), e);
        }
    }

    /** Owner credentials as driver properties. */
    default Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", user());
        p.setProperty("password", password());
        return p;
    }
}
