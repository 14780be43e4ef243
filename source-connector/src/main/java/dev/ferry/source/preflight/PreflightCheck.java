package dev.ferry.source.preflight;

import java.sql.SQLException;

/** One thing a source must satisfy before a task starts. Implementations are small and stateless. */
public interface PreflightCheck {
    /** Stable id, e.g. {@code postgres.wal-level}. */
    String id();

    /** Whether the check means anything for this server (engine, version, selected tables). */
    boolean appliesTo(PreflightContext context);

    CheckResult run(PreflightContext context) throws SQLException;
}
