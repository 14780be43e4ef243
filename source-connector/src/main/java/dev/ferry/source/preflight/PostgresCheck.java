package dev.ferry.source.preflight;

/** Base of the PostgreSQL checks: they apply to PostgreSQL sources only. */
abstract class PostgresCheck implements PreflightCheck {
    @Override
    public boolean appliesTo(PreflightContext context) {
        return !context.isMySqlFamily();
    }
}
