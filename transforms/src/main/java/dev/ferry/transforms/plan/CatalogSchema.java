package dev.ferry.transforms.plan;

import java.util.List;

/** A schema of the source catalogue (a database on MySQL/MariaDB). */
public record CatalogSchema(String name, List<CatalogTable> tables) {
    public CatalogSchema {
        tables = List.copyOf(tables);
    }
}
