package dev.ferry.source.debezium;

import java.util.List;
import java.util.Objects;

/**
 * One source table the task captures, as the schema discovery found it (exact spelling, never a pattern).
 *
 * <p>Columns are given as an <em>exclusion</em> list: every column not listed is captured, including a column added
 * later by DDL. That is the meaning of a DMS selection (a table is selected whole) followed by {@code remove-column}
 * rules, and it keeps key columns captured unless someone names them.
 *
 * @param schema MySQL/MariaDB: the database; PostgreSQL: the schema (for a partitioned table: the root's schema)
 * @param table the table name (PostgreSQL: the partition root, never a partition)
 * @param excludedColumns columns left out of every event (exact names); empty = all columns
 * @param keyed true when the table has a primary key or a unique NOT NULL key (or a {@code define-primary-key}
 *        rule): it is loaded by an incremental snapshot; false: by the initial snapshot limited to key-less tables
 * @param jsonColumns MariaDB only: LONGTEXT columns with a {@code json_valid} check, marked as
 *        {@code io.debezium.data.Json} by {@link dev.ferry.source.converter.FerryBinlogConverter}; ignored elsewhere
 */
public record CapturedTable(String schema, String table, List<String> excludedColumns, boolean keyed,
                            List<String> jsonColumns) {

    public CapturedTable {
        requireName(schema, "schema");
        requireName(table, "table");
        excludedColumns = List.copyOf(excludedColumns == null ? List.of() : excludedColumns);
        jsonColumns = List.copyOf(jsonColumns == null ? List.of() : jsonColumns);
        excludedColumns.forEach(c -> requireName(c, "excluded column of " + schema + "." + table));
        jsonColumns.forEach(c -> requireName(c, "json column of " + schema + "." + table));
    }

    public CapturedTable(String schema, String table, List<String> excludedColumns, boolean keyed) {
        this(schema, table, excludedColumns, keyed, List.of());
    }

    /** A keyed table captured whole. */
    public static CapturedTable keyed(String schema, String table) {
        return new CapturedTable(schema, table, List.of(), true);
    }

    /** A table without any key, captured whole. */
    public static CapturedTable keyless(String schema, String table) {
        return new CapturedTable(schema, table, List.of(), false);
    }

    /** {@code schema.table} as Debezium writes the id (no quoting). */
    public String id() {
        return schema + "." + table;
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
