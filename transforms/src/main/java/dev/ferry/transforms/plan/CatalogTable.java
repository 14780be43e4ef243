package dev.ferry.transforms.plan;

import java.util.List;

/**
 * A table (or view) of the source catalogue.
 *
 * @param primaryKey primary-key column names in key order; empty when the table has none
 */
public record CatalogTable(String name, boolean view, List<SourceColumn> columns, List<String> primaryKey) {
    public CatalogTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public static CatalogTable table(String name, List<SourceColumn> columns, List<String> primaryKey) {
        return new CatalogTable(name, false, columns, primaryKey);
    }
}
