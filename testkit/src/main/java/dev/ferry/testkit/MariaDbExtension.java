package dev.ferry.testkit;

/**
 * Gives a test a {@link MariaDbDatabase}: {@code @ExtendWith(MariaDbExtension.class)} and a parameter of that type.
 * The server (embedded MariaDB with binlog ROW/FULL, or an override) starts once per JVM.
 */
public final class MariaDbExtension extends DatabaseExtension<MariaDbDatabase> {
    public MariaDbExtension() {
        super(MariaDbDatabase.class, TestServers::mysqlFamily, MariaDbDatabase::new);
    }
}
