package dev.ferry.source.endpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections to an {@link Endpoint}: MariaDB Connector/J for {@code mariadb}, MySQL Connector/J for
 * {@code mysql}, pgjdbc for {@code postgres}. The password travels in {@link Properties}, never in the URL, and the
 * connect timeout and TLS mode are translated into each driver's own options.
 */
public final class JdbcEndpoints {
    private JdbcEndpoints() {
    }

    /** The URL without credentials; {@code database} may be null for MySQL/MariaDB (server-level connection). */
    public static String url(Endpoint e, String database) {
        String db = database == null ? "" : database;
        return switch (e.engine()) {
            case MARIADB -> "jdbc:mariadb://" + e.host() + ":" + e.port() + "/" + db;
            case MYSQL -> "jdbc:mysql://" + e.host() + ":" + e.port() + "/" + db;
            case POSTGRES -> "jdbc:postgresql://" + e.host() + ":" + e.port() + "/" + db;
        };
    }

    /** URL of the endpoint's own database (none for a MySQL-family endpoint without one). */
    public static String url(Endpoint e) {
        return url(e, e.database());
    }

    public static Connection connect(Endpoint e) throws SQLException {
        return connect(e, e.database());
    }

    public static Connection connect(Endpoint e, String database) throws SQLException {
        DriverManager.setLoginTimeout((int) Math.max(1, e.connectTimeout().toSeconds()));
        return DriverManager.getConnection(url(e, database), properties(e));
    }

    /** Driver properties: credentials, timeouts and TLS. */
    public static Properties properties(Endpoint e) {
        Properties p = new Properties();
        p.setProperty("user", e.username());
        p.setProperty("password", e.password().reveal());
        long timeoutMs = e.connectTimeout().toMillis();
        switch (e.engine()) {
            case MARIADB -> {
                p.setProperty("connectTimeout", String.valueOf(timeoutMs));
                p.setProperty("sslMode", switch (e.tls()) {
                    case NONE -> "disable";
                    case REQUIRE -> "trust";
                    case VERIFY_CA -> "verify-ca";
                    case VERIFY_FULL -> "verify-full";
                });
                if (e.caFile() != null) {
                    p.setProperty("serverSslCert", e.caFile().toString());
                }
            }
            case MYSQL -> {
                p.setProperty("connectTimeout", String.valueOf(timeoutMs));
                p.setProperty("sslMode", switch (e.tls()) {
                    case NONE -> "DISABLED";
                    case REQUIRE -> "REQUIRED";
                    case VERIFY_CA -> "VERIFY_CA";
                    case VERIFY_FULL -> "VERIFY_IDENTITY";
                });
                p.setProperty("allowPublicKeyRetrieval", String.valueOf(e.tls() != TlsMode.NONE));
                if (e.caFile() != null) {
                    p.setProperty("trustCertificateKeyStoreUrl", e.caFile().toUri().toString());
                }
            }
            case POSTGRES -> {
                long seconds = Math.max(1, e.connectTimeout().toSeconds());
                p.setProperty("connectTimeout", String.valueOf(seconds));
                p.setProperty("loginTimeout", String.valueOf(seconds));
                p.setProperty("sslmode", e.tls() == TlsMode.NONE ? "disable" : e.tls().id());
                if (e.caFile() != null) {
                    p.setProperty("sslrootcert", e.caFile().toString());
                }
                p.setProperty("ApplicationName", "ferry");
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return p;
    }
}
