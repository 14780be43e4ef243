package dev.ferry.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server from zonky's binaries on the classpath, configured as a logical-decoding source:
 * {@code wal_level=logical}, replication slots and WAL senders to spare, UTC, listening on 127.0.0.1 only.
 *
 * <p>PostgreSQL refuses to run as root; when this JVM runs as root the server runs as {@code nobody}
 * (via {@code runuser}), with a data directory owned by that user. The superuser is {@code postgres}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    public static final String SUPERUSER = "postgres";

    private final Path baseDir;
    private final Path dataDir;
    private final Path cacheDir;
    private final int port;
    private final String password;
    private final Map<String, String> settings;
    private final Duration startTimeout;
    private Process process;
    private Path binaries;

    private EmbeddedPostgres(Builder b) {
        this.baseDir = Objects.requireNonNull(b.baseDir, "baseDir").toAbsolutePath();
        this.dataDir = b.dataDir != null ? b.dataDir.toAbsolutePath() : baseDir.resolve("data");
        this.cacheDir = b.cacheDir != null ? b.cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "ferry-cache");
        this.port = FreePorts.orFree(b.port);
        this.password = Objects.requireNonNull(b.password, "password");
        this.settings = new LinkedHashMap<>(defaultSettings());
        this.settings.putAll(b.settings);
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, String> defaultSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("listen_addresses", "127.0.0.1");
        s.put("unix_socket_directories", "");
        s.put("wal_level", "logical");
        s.put("max_replication_slots", "20");
        s.put("max_wal_senders", "20");
        s.put("max_connections", "200");
        s.put("timezone", "UTC");
        s.put("log_timezone", "UTC");
        s.put("shared_buffers", "128MB");
        return s;
    }

    /** Initialises the data directory on first use, then starts the server and waits until it accepts logins. */
    public synchronized EmbeddedPostgres start() {
        if (process != null) {
            throw new IllegalStateException("PostgreSQL in " + dataDir + " is already running");
        }
        long started = System.nanoTime();
        try {
            prepareDirectories();
            binaries = PostgresBinaries.unpacked(cacheDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
            process = launch();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL with data in " + dataDir, e);
        }
        LOG.info("PostgreSQL ready at 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private void prepareDirectories() throws IOException {
        Files.createDirectories(baseDir);
        Files.createDirectories(dataDir);
        if (RunAs.isRoot()) {
            ensureTraversable(dataDir.getParent());
            Files.setPosixFilePermissions(baseDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            RunAs.chownUnprivileged(baseDir);
            RunAs.chownUnprivileged(dataDir);
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void ensureTraversable(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                var perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new EmbeddedServerException("PostgreSQL runs as user '" + RunAs.UNPRIVILEGED_USER
                            + "' when started by root, but directory " + p + " is not traversable by that user;"
                            + " run `chmod o+x " + p + "` or choose a data directory elsewhere (e.g. under /tmp)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void initdb() throws IOException {
        Path pwFile = baseDir.resolve("initdb.pw");
        Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
        RunAs.chownUnprivileged(pwFile);
        try {
            List<String> cmd = List.of(binaries.resolve("bin/initdb").toString(), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C",
                    "--no-instructions");
            run(cmd, baseDir.resolve("initdb.log"), Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private Process launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(),
                "-D", dataDir.toString(), "-p", String.valueOf(port)));
        settings.forEach((k, v) -> {
            cmd.add("-c");
            cmd.add(k + "=" + v);
        });
        Path log = baseDir.resolve("postgres.log");
        return new ProcessBuilder(RunAs.unprivileged(cmd))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                process = null;
                throw new EmbeddedServerException("PostgreSQL exited during start-up on port " + port + ": "
                        + tail(baseDir.resolve("postgres.log")));
            }
            try (Connection ignored = superuserConnection("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(100);
            }
        }
        close();
        throw new EmbeddedServerException("PostgreSQL did not accept connections on port " + port + " within "
                + startTimeout.toSeconds() + " s (last error: " + (last == null ? "none" : last.getMessage())
                + "); see " + baseDir.resolve("postgres.log"));
    }

    private void run(List<String> cmd, Path log, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(RunAs.unprivileged(cmd))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new EmbeddedServerException(cmd.get(0) + " timed out; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new EmbeddedServerException("Interrupted while running " + cmd.get(0), e);
        }
        if (p.exitValue() != 0) {
            throw new EmbeddedServerException(Path.of(cmd.get(0)).getFileName() + " failed with exit code "
                    + p.exitValue() + ": " + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public String superuserPassword() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as the superuser to the given database. */
    public Connection superuserConnection(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Fast shutdown ({@code SIGINT}: active transactions roll back), waiting up to 30 s. The data is kept. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        try {
            List<String> stop = List.of(binaries.resolve("bin/pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                    "-m", "fast", "-w", "-t", "30");
            run(stop, baseDir.resolve("pg_ctl.log"), Duration.ofSeconds(40));
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("pg_ctl stop failed ({}); killing PostgreSQL on port {}", e.getMessage(), port);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    /** Builder; the port defaults to a free ephemeral port, never 5432. */
    public static final class Builder {
        private Path baseDir;
        private Path dataDir;
        private Path cacheDir;
        private int port;
        private String password = "postgres";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Directory for logs and temporary files; must be traversable by {@code nobody} when running as root. */
        public Builder baseDir(Path dir) {
            this.baseDir = dir;
            return this;
        }

        /** Data directory; kept across restarts. Defaults to {@code baseDir/data}. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Where the binaries are unpacked once per version; defaults to {@code java.io.tmpdir/ferry-cache}. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Password of the {@code postgres} superuser, set when the data directory is initialised. */
        public Builder superuserPassword(String password) {
            this.password = password;
            return this;
        }

        /** A server setting passed as {@code -c name=value}; overrides the defaults. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /**
         * Trades crash safety for speed (fsync off): for tests and demos, never for data you keep. Commits stay
         * synchronous, because logical decoding only sees flushed WAL.
         */
        public Builder nonDurable() {
            settings.put("fsync", "off");
            settings.put("full_page_writes", "off");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public EmbeddedPostgres build() {
            return new EmbeddedPostgres(this);
        }
    }
}
