package dev.ferry.transforms.plan;

import java.util.List;

/**
 * What schema discovery found on the source: schemas, tables, columns and keys.
 *
 * @param caseInsensitiveNames true when the source treats names case-insensitively (MySQL/MariaDB with
 *                             {@code lower_case_table_names} 1 or 2); rule names then match regardless of case,
 *                             which is what DMS documents for case-insensitive endpoints
 */
public record SourceCatalog(List<CatalogSchema> schemas, boolean caseInsensitiveNames) {
    public SourceCatalog {
        schemas = List.copyOf(schemas);
    }

    public static SourceCatalog of(CatalogSchema... schemas) {
        return new SourceCatalog(List.of(schemas), false);
    }
}
