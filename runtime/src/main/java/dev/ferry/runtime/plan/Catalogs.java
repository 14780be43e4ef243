package dev.ferry.runtime.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.source.discovery.Catalog;
import dev.ferry.source.discovery.ColumnInfo;
import dev.ferry.source.discovery.TableInfo;
import dev.ferry.transforms.plan.CatalogSchema;
import dev.ferry.transforms.plan.CatalogTable;
import dev.ferry.transforms.plan.SourceCatalog;
import dev.ferry.transforms.plan.SourceColumn;

/** Turns what schema discovery found into the planner's input. */
public final class Catalogs {
    private Catalogs() {
    }

    /**
     * PostgreSQL partitions are left out: a partitioned table is captured as its root only (with
     * {@code publish.via.partition.root}), even when a wildcard would match its partitions.
     */
    public static SourceCatalog toSourceCatalog(Catalog catalog, boolean caseInsensitiveNames) {
        Map<String, List<CatalogTable>> bySchema = new LinkedHashMap<>();
        for (TableInfo t : catalog.tables()) {
            if (t.partitionOf() != null) {
                continue;
            }
            List<SourceColumn> columns = new ArrayList<>();
            for (ColumnInfo c : t.columns()) {
                columns.add(new SourceColumn(c.name(), c.sourceType(), c.nullable(), c.ordinal()));
            }
            bySchema.computeIfAbsent(t.schema(), s -> new ArrayList<>())
                    .add(new CatalogTable(t.name(), "VIEW".equals(t.kind()), columns, t.rowKey()));
        }
        List<CatalogSchema> schemas = new ArrayList<>();
        bySchema.forEach((name, tables) -> schemas.add(new CatalogSchema(name, tables)));
        return new SourceCatalog(schemas, caseInsensitiveNames);
    }
}
