package dev.ferry.source.endpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** TLS towards a database, with the meaning PostgreSQL's {@code sslmode} gives these names. */
public enum TlsMode {
    /** Plain TCP. */
    NONE("none"),
    /** Encrypted, server certificate not checked. */
    REQUIRE("require"),
    /** Encrypted, server certificate signed by the CA file. */
    VERIFY_CA("verify-ca"),
    /** As verify-ca, and the host name matches the certificate. */
    VERIFY_FULL("verify-full");

    private final String id;

    TlsMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    public static TlsMode of(String value) {
        String v = value == null || value.isBlank() ? "none" : value.trim().toLowerCase(Locale.ROOT);
        for (TlsMode m : values()) {
            if (m.id.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown tls mode '" + value + "'; allowed: "
                + Arrays.stream(values()).map(TlsMode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
