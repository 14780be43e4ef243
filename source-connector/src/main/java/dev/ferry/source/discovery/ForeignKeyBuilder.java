package dev.ferry.source.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates the rows of one foreign key (one row per column pair) read from a catalogue query. */
final class ForeignKeyBuilder {
    private final String name;
    private final String refSchema;
    private final String refTable;
    private final List<String> columns = new ArrayList<>();
    private final List<String> refColumns = new ArrayList<>();

    /** Reads the referenced schema and table from columns 5 and 6 of the current row. */
    ForeignKeyBuilder(String name, ResultSet row) {
        this.name = name;
        try {
            this.refSchema = row.getString(5);
            this.refTable = row.getString(6);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read foreign key " + name, e);
        }
    }

    void add(String column, String referencedColumn) {
        columns.add(column);
        refColumns.add(referencedColumn);
    }

    static Map<String, List<ForeignKeyInfo>> build(Map<String, Map<String, ForeignKeyBuilder>> byTable) {
        Map<String, List<ForeignKeyInfo>> out = new LinkedHashMap<>();
        byTable.forEach((table, fks) -> out.put(table, fks.values().stream()
                .map(b -> new ForeignKeyInfo(b.name, b.columns, b.refSchema, b.refTable, b.refColumns)).toList()));
        return out;
    }
}
