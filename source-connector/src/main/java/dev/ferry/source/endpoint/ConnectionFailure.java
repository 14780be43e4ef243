package dev.ferry.source.endpoint;

/**
 * Why a connection could not be made, told apart so that the one-line message says what to fix.
 *
 * @param kind what went wrong
 * @param message one line: what failed, where, and what to do; never contains the password
 */
public record ConnectionFailure(Kind kind, String message) {

    /** The distinct reasons a user must fix differently. */
    public enum Kind {
        UNKNOWN_HOST, PORT_CLOSED, TIMEOUT, BAD_CREDENTIALS, UNKNOWN_DATABASE, TLS, OTHER
    }

    @Override
    public String toString() {
        return message;
    }
}
