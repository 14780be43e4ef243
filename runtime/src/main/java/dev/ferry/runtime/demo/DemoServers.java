package dev.ferry.runtime.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import dev.ferry.embedded.EmbeddedMariaDb;
import dev.ferry.embedded.EmbeddedPostgres;

/**
 * The demo's two databases, under one temporary directory that {@link #close()} deletes: an embedded MariaDB holding
 * Sakila (the source, with a replication user) and an embedded PostgreSQL with an empty database (the target).
 */
final class DemoServers implements AutoCloseable {
    static final String SOURCE_DATABASE = "sakila";
    static final String TARGET_DATABASE = "ferry_demo";
    static final String REPLICATION_USER = "ferry_repl";

    final Path dir;
    final String replicationPassword = "repl-" + Long.toHexString(System.nanoTime());
    final String postgresPassword = "pg-" + Long.toHexString(System.nanoTime());
    EmbeddedMariaDb mariadb;
    EmbeddedPostgres postgres;

    DemoServers() {
        try {
            dir = Files.createTempDirectory("ferry-demo-");
            // PostgreSQL runs as 'nobody' when this JVM runs as root: its directories must be traversable.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the demo", e);
        }
    }

    /** Starts both servers in parallel. */
    void start() {
        mariadb = EmbeddedMariaDb.builder().baseDir(dir.resolve("mariadb")).build();
        postgres = EmbeddedPostgres.builder().baseDir(dir.resolve("postgres")).superuserPassword(postgresPassword)
                .nonDurable().build();
        CompletableFuture<?> pg = CompletableFuture.runAsync(postgres::start);
        mariadb.start();
        pg.join();
    }

    /** Loads Sakila into MariaDB, creates the replication user there and the target database in PostgreSQL. */
    void prepare() throws SQLException {
        try (Connection root = mariadb.rootConnection(); Statement s = root.createStatement()) {
            SakilaLoader.loadMySql(root, SOURCE_DATABASE, true);
            s.execute("CREATE USER '" + REPLICATION_USER + "'@'%' IDENTIFIED BY '" + replicationPassword + "'");
            s.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO '"
                    + REPLICATION_USER + "'@'%'");
        }
        try (Connection c = postgres.superuserConnection("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + TARGET_DATABASE);
        }
    }

    Connection source() throws SQLException {
        Connection c = mariadb.rootConnection();
        c.setCatalog(SOURCE_DATABASE);
        return c;
    }

    Connection target() throws SQLException {
        return postgres.superuserConnection(TARGET_DATABASE);
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (mariadb != null) {
                mariadb.close();
            }
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
