package dev.ferry.source.discovery;

import java.util.List;

/** A foreign key from {@code columns} to {@code referencedSchema.referencedTable(referencedColumns)}. */
public record ForeignKeyInfo(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns) {
    public ForeignKeyInfo {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
