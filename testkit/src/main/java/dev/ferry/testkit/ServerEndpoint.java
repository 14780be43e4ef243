package dev.ferry.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a test server runs and how to log in as its administrator. Parsed from an override such as
 * {@code FERRY_TEST_POSTGRES_URL=jdbc:postgresql://db.example:5432/postgres?user=postgres&password=secret}.
 */
record ServerEndpoint(String engine, String host, int port, String adminDatabase, String adminUser,
                      String adminPassword) {

    static ServerEndpoint parse(String variable, String engine, String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException(variable + " must be a JDBC URL such as "
                    + example(engine) + ", got a value that does not start with jdbc:");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException(variable + " must name host and port, e.g. " + example(engine));
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.get("user");
        if (user == null) {
            throw new IllegalArgumentException(variable + " must carry the admin user as ?user=...&password=..., e.g. "
                    + example(engine));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String adminDb = path.isEmpty() ? ("postgres".equals(engine) ? "postgres" : "") : path;
        return new ServerEndpoint(engine, uri.getHost(), uri.getPort(), adminDb, user,
                query.getOrDefault("password", ""));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String example(String engine) {
        return switch (engine) {
            case "postgres" -> "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret";
            case "mysql" -> "jdbc:mysql://127.0.0.1:3306/?user=root&password=secret";
            default -> "jdbc:mariadb://127.0.0.1:3306/?user=root&password=secret";
        };
    }

    String jdbcUrl(String database) {
        String scheme = switch (engine) {
            case "postgres" -> "postgresql";
            case "mysql" -> "mysql";
            default -> "mariadb";
        };
        String db = database == null ? "" : database;
        return "jdbc:" + scheme + "://" + host + ":" + port + "/" + db;
    }

    @Override
    public String toString() {
        return engine + "@" + host + ":" + port + " (admin " + adminUser + ", password ****)";
    }
}
