package dev.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Process-owner helpers: database servers that refuse to run as root are started as an unprivileged user. */
final class RunAs {
    static final String UNPRIVILEGED_USER = "nobody";

    private RunAs() {
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command itself, or the command wrapped in {@code runuser -u nobody --} when this JVM runs as root. */
    static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a file or directory to the unprivileged user (no-op when not root). */
    static void chownUnprivileged(Path path) throws IOException {
        if (!isRoot()) {
            return;
        }
        var lookup = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, lookup.lookupPrincipalByName(UNPRIVILEGED_USER));
    }
}
