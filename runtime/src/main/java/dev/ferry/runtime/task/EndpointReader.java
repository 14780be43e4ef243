package dev.ferry.runtime.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.Secret;
import dev.ferry.source.endpoint.TlsMode;

/** Reads a {@code source} or {@code target} block into an {@link Endpoint}. */
final class EndpointReader {
    static final List<String> KEYS = List.of("engine", "host", "port", "username", "password", "database", "tls",
            "connect-timeout");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final TaskFileParser.Problems problems;
    private final Path dir;
    private final Function<String, String> env;

    EndpointReader(TaskFileParser.Problems problems, Path dir, Function<String, String> env) {
        this.problems = problems;
        this.dir = dir;
        this.env = env;
    }

    Endpoint read(JsonNode node, String role) {
        if (!node.isObject()) {
            problems.add(role, role + " is required: engine, host, port, username, password, database");
            return null;
        }
        problems.unknownKeys(node, role, KEYS);
        Engine engine = engine(node, role);
        String host = text(node, role, "host");
        String user = text(node, role, "username");
        JsonNode tls = node.path("tls");
        problems.unknownKeys(tls, role + ".tls", List.of("mode", "ca-file"));
        TlsMode mode = tlsMode(tls, role);
        String caFile = tls.path("ca-file").asText("");
        Duration timeout = duration(node.path("connect-timeout"), role + ".connect-timeout");
        Secret password = secret(node, role);
        if (engine == null || host == null || user == null || mode == null || password == null) {
            return null;
        }
        int port = node.path("port").asInt(engine.defaultPort());
        try {
            return new Endpoint(engine, host, port, user, password, node.path("database").asText(null), mode,
                    caFile.isBlank() ? null : dir.resolve(caFile).toAbsolutePath().normalize(), timeout);
        } catch (IllegalArgumentException e) {
            problems.add(role, role + ": " + e.getMessage());
            return null;
        }
    }

    private Engine engine(JsonNode node, String role) {
        String v = text(node, role, "engine");
        if (v == null) {
            return null;
        }
        try {
            return Engine.of(v);
        } catch (IllegalArgumentException e) {
            problems.add(role + ".engine", role + ".engine '" + v + "' is not valid; allowed values: "
                    + Engine.allowed());
            return null;
        }
    }

    private TlsMode tlsMode(JsonNode tls, String role) {
        try {
            return TlsMode.of(tls.path("mode").asText("none"));
        } catch (IllegalArgumentException e) {
            problems.add(role + ".tls.mode", role + ".tls.mode '" + tls.path("mode").asText()
                    + "' is not valid; allowed values: none, require, verify-ca, verify-full");
            return null;
        }
    }

    private Secret secret(JsonNode node, String role) {
        try {
            return Secret.resolve(node.path("password").asText(""), dir, env);
        } catch (IllegalArgumentException e) {
            problems.add(role + ".password", role + ".password: " + e.getMessage());
            return null;
        }
    }

    private String text(JsonNode node, String role, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
            problems.add(role + "." + key, role + "." + key + " is required");
            return null;
        }
        return v.asText();
    }

    private Duration duration(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Endpoint.DEFAULT_CONNECT_TIMEOUT;
        }
        Matcher m = DURATION.matcher(node.asText().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problems.add(path, path + " '" + node.asText() + "' is not a duration; write e.g. 10s, 500ms, 2m");
            return Endpoint.DEFAULT_CONNECT_TIMEOUT;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
