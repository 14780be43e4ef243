package dev.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabasesSmokeTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void letTheUnprivilegedServerUserIn() throws Exception {
        // PostgreSQL runs as `nobody` when the tests run as root; JUnit's temp dirs are private to their owner.
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void mariaDbRestartsOnItsDataDirectoryWithBinlogInRowFormat() throws Exception {
        EmbeddedMariaDb.Builder builder = EmbeddedMariaDb.builder().baseDir(dir.resolve("mariadb"));
        int port;
        try (EmbeddedMariaDb db = builder.build().start();
             Connection c = db.rootConnection(); Statement s = c.createStatement()) {
            port = db.port();
            assertThat(port).isNotEqualTo(3306);
            s.execute("CREATE DATABASE kept");
            s.execute("CREATE TABLE kept.t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO kept.t VALUES (42)");
            assertThat(single(s, "SELECT @@binlog_format")).isEqualTo("ROW");
            assertThat(single(s, "SELECT @@binlog_row_image")).isEqualTo("FULL");
            assertThat(single(s, "SELECT @@log_bin")).isEqualTo("1");
        }
        try (EmbeddedMariaDb db = builder.port(port).build().start();
             Connection c = db.rootConnection(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT id FROM kept.t")).isEqualTo("42");
        }
    }

    @Test
    void postgresStartsWithLogicalWalAndKeepsData() throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().baseDir(dir.resolve("pg")).superuserPassword("s3cret");
        int port;
        try (EmbeddedPostgres pg = builder.build().start();
             Connection c = pg.superuserConnection("postgres"); Statement s = c.createStatement()) {
            port = pg.port();
            assertThat(port).isNotEqualTo(5432);
            assertThat(single(s, "SHOW wal_level")).isEqualTo("logical");
            s.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            s.execute("INSERT INTO kept VALUES (7)");
        }
        try (EmbeddedPostgres pg = builder.port(port).build().start();
             Connection c = pg.superuserConnection("postgres"); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT id FROM kept")).isEqualTo("7");
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
