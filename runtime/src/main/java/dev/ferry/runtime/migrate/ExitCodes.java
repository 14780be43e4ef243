package dev.ferry.runtime.migrate;

/** Exit codes of the task commands (brief §3). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONFLICT = 3;
    public static final int TIMEOUT = 124;

    private ExitCodes() {
    }
}
