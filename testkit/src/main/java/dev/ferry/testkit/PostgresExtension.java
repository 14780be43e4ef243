package dev.ferry.testkit;

/**
 * Gives a test a {@link PostgresDatabase}: {@code @ExtendWith(PostgresExtension.class)} and a parameter of that
 * type. The server (embedded PostgreSQL 17 with {@code wal_level=logical}, or an override) starts once per JVM.
 */
public final class PostgresExtension extends DatabaseExtension<PostgresDatabase> {
    public PostgresExtension() {
        super(PostgresDatabase.class, TestServers::postgres, PostgresDatabase::new);
    }
}
