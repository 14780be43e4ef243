package dev.ferry.runtime.demo;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.ferry.runtime.cli.FerryCli;
import dev.ferry.runtime.migrate.MigrationRunner;
import dev.ferry.runtime.migrate.StopSignal;
import dev.ferry.runtime.task.TaskFile;
import dev.ferry.runtime.task.TaskFileParser;

/**
 * {@code ferry demo}: embedded MariaDB with Sakila → embedded PostgreSQL, with a DMS mapping that prefixes every table
 * with {@code snc_}; full load, live changes through CDC, statistics, then proof that the target equals the source.
 */
public final class Demo {
    static final String TASK = "sakila-demo";
    static final String MAPPING = """
            {"rules": [
              {"rule-type": "selection", "rule-id": "1", "rule-name": "sakila",
               "object-locator": {"schema-name": "sakila", "table-name": "%"}, "rule-action": "include"},
              {"rule-type": "transformation", "rule-id": "2", "rule-name": "prefix", "rule-target": "table",
               "object-locator": {"schema-name": "sakila", "table-name": "%"},
               "rule-action": "add-prefix", "value": "snc_"}
            ]}
            """;

    private final PrintWriter out;
    private final boolean cdc;
    private final long started = System.nanoTime();

    public Demo(PrintWriter out, boolean cdc) {
        this.out = out;
        this.cdc = cdc;
    }

    /** Runs the demo; returns the exit code (0 only when the target equals the source). */
    public int run() throws Exception {
        try (DemoServers servers = new DemoServers()) {
            step("starting an embedded MariaDB (source) and PostgreSQL (target) under " + servers.dir);
            servers.start();
            step("loading Sakila into MariaDB database " + DemoServers.SOURCE_DATABASE);
            servers.prepare();
            Path taskFile = writeTask(servers);
            step("running task " + TASK + " (" + (cdc ? "full-load-and-cdc" : "full-load")
                    + "): every table of sakila -> " + DemoServers.TARGET_DATABASE + ".sakila.snc_*");
            int code = migrate(servers, taskFile);
            step("statistics (ferry status):");
            FerryCli.commandLine(out, out).execute("status", "-c", taskFile.toString());
            step("comparing every row of every table (count + checksum of every column)");
            boolean equal = new DemoComparison(out).compare(servers);
            if (code != 0) {
                step("the migration failed (exit code " + code + ")");
                return code;
            }
            step(equal ? "done" : "done, with differences");
            return equal ? 0 : 1;
        }
    }

    private Path writeTask(DemoServers servers) throws Exception {
        Path dir = servers.dir.resolve("task");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("secrets.properties"), "source=" + servers.replicationPassword + "\ntarget="
                + servers.postgresPassword + "\n");
        Files.writeString(dir.resolve("mappings.json"), MAPPING);
        String yaml = "name: " + TASK + "\n"
                + "migration-type: " + (cdc ? "full-load-and-cdc" : "full-load") + "\n"
                + "source:\n  engine: mariadb\n  host: 127.0.0.1\n  port: " + servers.mariadb.port() + "\n"
                + "  username: " + DemoServers.REPLICATION_USER + "\n"
                + "  password: ${file:secrets.properties:source}\n  database: " + DemoServers.SOURCE_DATABASE + "\n"
                + "target:\n  engine: postgres\n  host: 127.0.0.1\n  port: " + servers.postgres.port() + "\n"
                + "  username: postgres\n  password: ${file:secrets.properties:target}\n"
                + "  database: " + DemoServers.TARGET_DATABASE + "\n"
                + "table-mappings: mappings.json\n"
                + "data-dir: ferry-data\n";
        Path file = dir.resolve("task.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private int migrate(DemoServers servers, Path taskFile) throws Exception {
        TaskFile task = new TaskFileParser().parse(taskFile);
        StopSignal stop = new StopSignal();
        CountDownLatch fullLoad = new CountDownLatch(1);
        PrintWriter progress = new PrintWriter(new LineWatcher(out, "full load completed", fullLoad), true);
        AtomicInteger exit = new AtomicInteger(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                exit.set(new MigrationRunner(task, new MigrationRunner.Options(false, false, false), progress, stop)
                        .run());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                fullLoad.countDown();
            }
        }, "ferry-demo-migrate");
        runner.start();
        boolean signalled = fullLoad.await(5, TimeUnit.MINUTES);
        boolean arrived = true;
        if (cdc && signalled && runner.isAlive()) {
            step("full load completed; making live changes on the source");
            LiveChanges changes = new LiveChanges(out);
            changes.apply(servers);
            arrived = changes.awaitArrival(servers, 90);
            step(arrived ? "live changes arrived in the target; stopping the task"
                    : "live changes did NOT arrive within 90 s; stopping the task");
        }
        if (cdc || !signalled) {
            stop.request();
        }
        runner.join(TimeUnit.SECONDS.toMillis(60));
        if (failure.get() != null) {
            out.println("ferry: the migration failed: " + failure.get());
            return 1;
        }
        return exit.get() < 0 ? 1 : Math.max(exit.get(), signalled && arrived ? 0 : 1);
    }

    private void step(String message) {
        out.printf("[%6s] %s%n", elapsed(), message);
        out.flush();
    }

    private String elapsed() {
        return String.format("%.1fs", (System.nanoTime() - started) / 1e9);
    }

    /** Forwards text to the demo's output and counts down a latch when a line contains {@code marker}. */
    private static final class LineWatcher extends Writer {
        private final PrintWriter target;
        private final String marker;
        private final CountDownLatch latch;
        private final StringBuilder line = new StringBuilder();

        LineWatcher(PrintWriter target, String marker, CountDownLatch latch) {
            this.target = target;
            this.marker = marker;
            this.latch = latch;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            target.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    if (line.indexOf(marker) >= 0) {
                        latch.countDown();
                    }
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** A handful of inserts, updates and deletes on the source, and a check that they reached the target. */
    static final class LiveChanges {
        private final PrintWriter out;

        LiveChanges(PrintWriter out) {
            this.out = out;
        }

        void apply(DemoServers servers) throws SQLException {
            List<String> sql = List.of(
                    "INSERT INTO actor (first_name, last_name) VALUES ('FERRY', 'DEMO')",
                    "INSERT INTO film (title, description, language_id) VALUES ('FERRY DEMO', 'A live change', 1)",
                    "UPDATE film SET rental_rate = 9.99, special_features = 'Trailers' WHERE film_id = 1",
                    "UPDATE customer SET email = 'mary.smith@ferry.example', active = 0 WHERE customer_id = 1",
                    "DELETE FROM payment WHERE payment_id IN (1, 2)");
            try (Connection c = servers.source(); Statement s = c.createStatement()) {
                for (String st : sql) {
                    out.println("           source> " + st);
                    s.execute(st);
                }
            }
        }

        boolean awaitArrival(DemoServers servers, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<String> tables = List.of("actor", "film", "film_text", "customer", "payment");
            while (System.nanoTime() < deadline) {
                List<String> differing = new ArrayList<>();
                try (Connection src = servers.source(); Connection tgt = servers.target()) {
                    for (String t : tables) {
                        if (!DemoComparison.sameTable(src, tgt, t)) {
                            differing.add(t);
                        }
                    }
                } catch (SQLException e) {
                    differing.add(e.getMessage());
                }
                if (differing.isEmpty()) {
                    return true;
                }
                Thread.sleep(1000);
            }
            return false;
        }
    }
}
