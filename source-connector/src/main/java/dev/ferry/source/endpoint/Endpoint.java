package dev.ferry.source.endpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A database Ferry connects to: the {@code source} or {@code target} block of a task file. Immutable; its
 * {@link #toString()} masks the password.
 *
 * @param database PostgreSQL: required; MySQL/MariaDB: optional, used by test-connection only
 * @param caFile CA certificate (PEM) for {@code verify-ca}/{@code verify-full}; null otherwise
 */
public record Endpoint(Engine engine, String host, int port, String username, Secret password, String database,
                       TlsMode tls, Path caFile, Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public Endpoint {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        password = password == null ? Secret.plain("") : password;
        tls = tls == null ? TlsMode.NONE : tls;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
        if (engine == Engine.POSTGRES && (database == null || database.isBlank())) {
            throw new IllegalArgumentException("database is required for a postgres endpoint");
        }
        if (tls.verifiesCertificate() && caFile == null) {
            throw new IllegalArgumentException("tls mode " + tls + " needs ca-file (the CA certificate in PEM)");
        }
    }

    public Optional<String> databaseName() {
        return database == null || database.isBlank() ? Optional.empty() : Optional.of(database);
    }

    /** {@code engine://user@host:port/database}, without the password. */
    public String describe() {
        return engine + "://" + username + "@" + host + ":" + port + databaseName().map(d -> "/" + d).orElse("");
    }

    @Override
    public String toString() {
        return "Endpoint[" + describe() + ", password=" + password + ", tls=" + tls + ", connectTimeout="
                + connectTimeout + "]";
    }
}
