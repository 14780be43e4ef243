package dev.ferry.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free ephemeral TCP ports on the loopback interface. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port that was free a moment ago (the OS hands out ephemeral ports in rotation, so reuse is unlikely). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free TCP port on 127.0.0.1", e);
        }
    }

    /** Returns {@code port} unless it is 0, in which case a free port is picked. */
    public static int orFree(int port) {
        return port == 0 ? pick() : port;
    }
}
