package dev.ferry.runtime.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small client of the Kafka Connect REST API (create or update connectors, read their status, delete them). */
public final class ConnectRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String base) {
        this.base = base;
    }

    public String baseUrl() {
        return base;
    }

    /** Creates or updates a connector. */
    public void putConnector(String name, Map<String, String> config) {
        send("PUT", "/connectors/" + name + "/config", json(config), 200, 201);
    }

    public void deleteConnector(String name) {
        send("DELETE", "/connectors/" + name, null, 204, 404);
    }

    /** {@code GET /connectors/{name}/status}, or null when there is no such connector. */
    public JsonNode status(String name) {
        HttpResponse<String> r = send("GET", "/connectors/" + name + "/status", null, 200, 404);
        return r.statusCode() == 404 ? null : parse(r.body());
    }

    public JsonNode get(String path) {
        return parse(send("GET", path, null, 200).body());
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                send("GET", "/connectors", null, 200);
                return;
            } catch (RuntimeException e) {
                last = e;
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka Connect worker at " + base + " did not become ready within "
                + timeout.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()));
    }

    private HttpResponse<String> send(String method, String path, String body, int... expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (int code : expected) {
                if (r.statusCode() == code) {
                    return r;
                }
            }
            throw new IllegalStateException("Kafka Connect " + method + " " + path + " answered " + r.statusCode()
                    + ": " + message(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect at " + base + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Kafka Connect", e);
        }
    }

    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect sent invalid JSON: " + body, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
