package dev.ferry.source.preflight;

/**
 * One check's verdict: what was found and, unless it passed, how to fix it (often the exact statement to run).
 *
 * @param check a stable id such as {@code mysql.binlog-format}
 */
public record CheckResult(String check, CheckStatus status, String message, String fix) {

    public static CheckResult pass(String check, String message) {
        return new CheckResult(check, CheckStatus.PASS, message, null);
    }

    public static CheckResult warn(String check, String message, String fix) {
        return new CheckResult(check, CheckStatus.WARN, message, fix);
    }

    public static CheckResult fail(String check, String message, String fix) {
        return new CheckResult(check, CheckStatus.FAIL, message, fix);
    }

    /** {@code FAIL mysql.binlog-format: binlog_format is STATEMENT, must be ROW. Fix: ...} */
    @Override
    public String toString() {
        return status + " " + check + ": " + message + (fix == null ? "" : ". Fix: " + fix);
    }
}
