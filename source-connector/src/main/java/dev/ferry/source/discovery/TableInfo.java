package dev.ferry.source.discovery;

import java.util.List;
import java.util.Optional;

/**
 * A table as the source catalogue describes it.
 *
 * @param kind {@code TABLE}, {@code PARTITIONED} (a PostgreSQL partitioned root) or {@code VIEW}
 * @param partitionOf for a PostgreSQL partition, the {@code schema.table} of its root; null otherwise
 * @param inheritsFrom for a PostgreSQL inheritance child, its parent; null otherwise
 * @param rowEstimate the server's estimate (statistics), not a count; -1 when unknown
 */
public record TableInfo(String schema, String name, String kind, long rowEstimate, long sizeBytes,
                        List<ColumnInfo> columns, List<IndexInfo> indexes, List<ForeignKeyInfo> foreignKeys,
                        String partitionOf, String inheritsFrom) {

    public TableInfo {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<IndexInfo> primaryKey() {
        return indexes.stream().filter(IndexInfo::primary).findFirst();
    }

    /**
     * The key Ferry uses to identify rows: the primary key, else the first unique index whose columns are all
     * NOT NULL. Empty for a key-less table.
     */
    public List<String> rowKey() {
        return primaryKey().map(IndexInfo::columns).orElseGet(() -> indexes.stream()
                .filter(i -> i.unique() && i.columns().stream().allMatch(this::notNull))
                .findFirst().map(IndexInfo::columns).orElse(List.of()));
    }

    public boolean keyed() {
        return !rowKey().isEmpty();
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    private boolean notNull(String columnName) {
        return column(columnName).map(c -> !c.nullable()).orElse(false);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
