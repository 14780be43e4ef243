package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsToldWhoRuns() throws Exception {
        // The lock is an OS file lock, so the holder must be another process.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
            assertThat(InstanceLock.isHeld(dir)).isTrue();
            assertThatThrownBy(() -> InstanceLock.acquire(dir, "shop-to-pg"))
                    .isInstanceOf(InstanceLock.AlreadyRunningException.class)
                    .hasMessage("task shop-to-pg is already running (pid " + holder.pid() + ")");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // Killed holders leave no lock behind.
        try (InstanceLock lock = InstanceLock.acquire(dir, "shop-to-pg")) {
            assertThat(List.of(dir.toFile().list())).contains("ferry.lock", "ferry.pid");
        }
    }

    /** Child process: takes the lock and waits to be killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            InstanceLock.acquire(Path.of(args[0]), "shop-to-pg");
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
