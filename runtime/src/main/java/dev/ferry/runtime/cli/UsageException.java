package dev.ferry.runtime.cli;

/** Bad usage or configuration, detected before anything was changed: exit code 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
