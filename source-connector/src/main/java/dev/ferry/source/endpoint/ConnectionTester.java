package dev.ferry.source.endpoint;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;

import dev.ferry.source.endpoint.ConnectionFailure.Kind;

/**
 * "Test connection": resolves the host, opens the TCP port, then logs in over JDBC, so that an unknown host, a closed
 * port, a timeout, bad credentials, an unknown database and a TLS problem each get their own one-line message.
 */
public final class ConnectionTester {
    private final String role;

    /** @param role how the endpoint is named in messages and task files, e.g. {@code source} or {@code target} */
    public ConnectionTester(String role) {
        this.role = role;
    }

    /** The outcome of a test: the server version, or the failure. */
    public record Result(Endpoint endpoint, String serverVersion, ConnectionFailure failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    public Result test(Endpoint e) {
        ConnectionFailure network = probeNetwork(e);
        if (network != null) {
            return new Result(e, null, network);
        }
        try (Connection c = JdbcEndpoints.connect(e)) {
            return new Result(e, c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion(), null);
        } catch (SQLException ex) {
            return new Result(e, null, classify(e, ex));
        }
    }

    private ConnectionFailure probeNetwork(Endpoint e) {
        InetAddress address;
        try {
            address = InetAddress.getByName(e.host());
        } catch (UnknownHostException ex) {
            return new ConnectionFailure(Kind.UNKNOWN_HOST, role + ": cannot resolve host '" + e.host()
                    + "' (unknown host); check " + role + ".host");
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, e.connectTimeout().toMillis());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, e.port()), timeoutMs);
            return null;
        } catch (ConnectException ex) {
            return new ConnectionFailure(Kind.PORT_CLOSED, role + ": nothing listens on " + e.host() + ":" + e.port()
                    + " (connection refused); check " + role + ".port and that the " + e.engine() + " server is running");
        } catch (SocketTimeoutException ex) {
            return timeout(e);
        } catch (IOException ex) {
            return new ConnectionFailure(Kind.OTHER, role + ": cannot reach " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "); check " + role + ".host and " + role + ".port");
        }
    }

    private ConnectionFailure timeout(Endpoint e) {
        return new ConnectionFailure(Kind.TIMEOUT, role + ": " + e.host() + ":" + e.port() + " did not answer within "
                + e.connectTimeout().toSeconds() + " s; check " + role + ".host, " + role
                + ".port and any firewall between Ferry and the server");
    }

    /** Maps a driver error to a failure kind, by SQLSTATE and vendor code first, by message as a last resort. */
    ConnectionFailure classify(Endpoint e, SQLException ex) {
        String state = ex.getSQLState() == null ? "" : ex.getSQLState();
        String text = e.password().scrub(allMessages(ex)).toLowerCase(java.util.Locale.ROOT);
        String where = " on " + e.host() + ":" + e.port();
        if (isTls(text)) {
            return new ConnectionFailure(Kind.TLS, role + ": TLS failed" + where + " with tls mode " + e.tls() + " ("
                    + firstLine(e.password().scrub(ex.getMessage())) + "); set " + role
                    + ".tls.mode to match the server (none, require, verify-ca, verify-full) or fix its certificates");
        }
        if (ex.getErrorCode() == 1045 || state.equals("28000") || state.equals("28P01")) {
            return new ConnectionFailure(Kind.BAD_CREDENTIALS, role + ": login failed for user '" + e.username() + "'"
                    + where + " (wrong password, or the user may not connect from this host); check " + role
                    + ".username and " + role + ".password");
        }
        if (ex.getErrorCode() == 1044) {
            // MySQL/MariaDB do not tell a user without rights on a database whether it exists.
            return new ConnectionFailure(Kind.UNKNOWN_DATABASE, role + ": database '" + e.database()
                    + "' does not exist" + where + ", or user '" + e.username() + "' has no rights on it; check "
                    + role + ".database and the user's grants");
        }
        if (ex.getErrorCode() == 1049 || state.equals("3D000")) {
            return new ConnectionFailure(Kind.UNKNOWN_DATABASE, role + ": database '" + e.database()
                    + "' does not exist" + where + "; check " + role + ".database");
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return timeout(e);
        }
        return new ConnectionFailure(Kind.OTHER, role + ": cannot connect" + where + ": "
                + firstLine(e.password().scrub(ex.getMessage())));
    }

    private static boolean isTls(String text) {
        return text.contains("ssl") || text.contains("tls") || text.contains("certificate")
                || text.contains("handshake");
    }

    private static String allMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(' ');
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
