package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.embedded.EmbeddedKafka;
import dev.ferry.embedded.EmbeddedMariaDb;
import dev.ferry.embedded.EmbeddedPostgres;

/**
 * The servers of one test JVM, each started at most once, on first use, on free ephemeral ports; stopped by a
 * shutdown hook. Environment overrides point a server kind at an existing server instead:
 * <ul>
 *   <li>{@code FERRY_TEST_MYSQL_URL} or {@code FERRY_TEST_MARIADB_URL}, e.g.
 *       {@code jdbc:mysql://127.0.0.1:3306/?user=root&password=secret} (MySQL wins when both are set);</li>
 *   <li>{@code FERRY_TEST_POSTGRES_URL}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret};</li>
 *   <li>{@code FERRY_TEST_KAFKA_BOOTSTRAP}, e.g. {@code 127.0.0.1:9092}.</li>
 * </ul>
 * The user in a URL must be able to create databases and users (and, for PostgreSQL, grant REPLICATION).
 */
public final class TestServers {
    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static final Map<String, Long> STARTUP_MILLIS = new LinkedHashMap<>();

    private static Path baseDir;
    private static ServerEndpoint mysqlFamily;
    private static ServerEndpoint postgres;
    private static String kafkaBootstrap;

    private TestServers() {
    }

    /** The MySQL-family server: an override, or an embedded MariaDB 10.11. */
    static synchronized ServerEndpoint mysqlFamily() {
        if (mysqlFamily == null) {
            String mysql = System.getenv("FERRY_TEST_MYSQL_URL");
            String mariadb = System.getenv("FERRY_TEST_MARIADB_URL");
            if (notBlank(mysql)) {
                mysqlFamily = ServerEndpoint.parse("FERRY_TEST_MYSQL_URL", "mysql", mysql);
            } else if (notBlank(mariadb)) {
                mysqlFamily = ServerEndpoint.parse("FERRY_TEST_MARIADB_URL", "mariadb", mariadb);
            } else {
                long t0 = System.nanoTime();
                EmbeddedMariaDb db = EmbeddedMariaDb.builder().baseDir(baseDir().resolve("mariadb")).build().start();
                onShutdown(db);
                record("mariadb", t0);
                mysqlFamily = new ServerEndpoint("mariadb", db.host(), db.port(), "", "root", "");
            }
        }
        return mysqlFamily;
    }

    /** The PostgreSQL server: an override, or an embedded PostgreSQL 17. */
    static synchronized ServerEndpoint postgres() {
        if (postgres == null) {
            String url = System.getenv("FERRY_TEST_POSTGRES_URL");
            if (notBlank(url)) {
                postgres = ServerEndpoint.parse("FERRY_TEST_POSTGRES_URL", "postgres", url);
            } else {
                long t0 = System.nanoTime();
                EmbeddedPostgres pg = EmbeddedPostgres.builder().baseDir(baseDir().resolve("postgres"))
                        .superuserPassword(Names.password()).nonDurable().build().start();
                onShutdown(pg);
                record("postgres", t0);
                postgres = new ServerEndpoint("postgres", pg.host(), pg.port(), "postgres",
                        EmbeddedPostgres.SUPERUSER, pg.superuserPassword());
            }
        }
        return postgres;
    }

    /** Bootstrap servers of the test broker: an override, or an embedded single-node KRaft broker. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            String override = System.getenv("FERRY_TEST_KAFKA_BOOTSTRAP");
            if (notBlank(override)) {
                kafkaBootstrap = override;
            } else {
                long t0 = System.nanoTime();
                EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(baseDir().resolve("kafka")).build().start();
                onShutdown(kafka);
                record("kafka", t0);
                kafkaBootstrap = kafka.bootstrapServers();
            }
        }
        return kafkaBootstrap;
    }

    /** How long each embedded server took to start in this JVM, in milliseconds (servers started so far). */
    public static synchronized Map<String, Long> startupMillis() {
        return Map.copyOf(STARTUP_MILLIS);
    }

    private static void record(String server, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        STARTUP_MILLIS.put(server, ms);
        LOG.info("Test server {} started in {} ms", server, ms);
    }

    private static synchronized Path baseDir() {
        if (baseDir == null) {
            try {
                baseDir = Files.createTempDirectory("ferry-test-");
                // PostgreSQL runs as `nobody` when the tests run as root: it must be able to traverse this directory.
                Files.setPosixFilePermissions(baseDir, PosixFilePermissions.fromString("rwx--x--x"));
                Runtime.getRuntime().addShutdownHook(new Thread(TestServers::deleteBaseDir, "ferry-test-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a directory for the test servers", e);
            }
        }
        return baseDir;
    }

    private static void onShutdown(AutoCloseable server) {
        // Registered after the cleanup hook; hooks run concurrently, so the cleanup hook waits for the servers.
        Thread hook = new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), e.getMessage());
            }
        }, "ferry-test-stop-" + server.getClass().getSimpleName());
        SERVER_HOOKS.add(hook);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static final java.util.List<Thread> SERVER_HOOKS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static void deleteBaseDir() {
        for (Thread hook : SERVER_HOOKS) {
            try {
                hook.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (var paths = Files.walk(baseDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
