package dev.ferry.runtime.migrate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.runtime.connect.ConnectRest;

/** Reads connector and task states from Connect's REST API. */
final class ConnectorHealth {
    private ConnectorHealth() {
    }

    /** The first failure among the connectors and their tasks, as one line naming the connector; null if none. */
    static String failure(ConnectRest rest, String... connectors) {
        for (String name : connectors) {
            JsonNode s = rest.status(name);
            if (s == null) {
                continue;
            }
            if ("FAILED".equals(s.path("connector").path("state").asText())) {
                return name + " failed: " + firstLine(s.path("connector").path("trace").asText());
            }
            for (JsonNode t : s.path("tasks")) {
                if ("FAILED".equals(t.path("state").asText())) {
                    return name + " task " + t.path("id").asInt() + " failed: " + cause(t.path("trace").asText());
                }
            }
        }
        return null;
    }

    /** Waits until the connector's task runs (or fails, or a stop is requested). */
    static void awaitRunning(ConnectRest rest, String name, StopSignal stop) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && !stop.isRequested()) {
            JsonNode s = rest.status(name);
            if (s != null) {
                for (JsonNode t : s.path("tasks")) {
                    if ("RUNNING".equals(t.path("state").asText())) {
                        return;
                    }
                }
                String failure = failure(rest, name);
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!stop.isRequested()) {
            throw new IllegalStateException("connector " + name + " did not start within 120 s; see the log");
        }
    }

    private static String firstLine(String trace) {
        return trace.lines().findFirst().orElse("(no trace)");
    }

    /** The most specific message of a Java stack trace: the last "Caused by:" line, else the first line. */
    static String cause(String trace) {
        String last = null;
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                last = line.substring("Caused by: ".length());
            }
        }
        return last != null ? last : firstLine(trace);
    }
}
