package dev.ferry.embedded;

/** An embedded server could not be prepared, started or stopped. The message says which and what to do. */
public class EmbeddedServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedServerException(String message) {
        super(message);
    }

    public EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
