package dev.ferry.runtime.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running instance per data directory: an OS file lock on {@code <data-dir>/ferry.lock}, released by the OS
 * even when the process is killed. The holder's pid is written next to it for the error message.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path pidFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
        this.channel = channel;
        this.lock = lock;
        this.pidFile = pidFile;
    }

    /** Takes the lock, or throws {@link AlreadyRunningException} naming the task and the holder's pid. */
    public static InstanceLock acquire(Path dataDir, String taskName) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("ferry.lock");
            Path pidFile = dataDir.resolve("ferry.pid");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                String pid = Files.exists(pidFile) ? Files.readString(pidFile, StandardCharsets.UTF_8).strip() : "?";
                throw new AlreadyRunningException("task " + taskName + " is already running (pid " + pid + ")");
            }
            Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            return new InstanceLock(channel, lock, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock data directory " + dataDir, e);
        }
    }

    /** The pid of the process holding the lock of this data directory, if any process does. */
    public static boolean isHeld(Path dataDir) {
        Path lockFile = dataDir.resolve("ferry.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(pidFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another instance runs on the same data directory: exit 3. */
    public static final class AlreadyRunningException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyRunningException(String message) {
            super(message);
        }
    }
}
