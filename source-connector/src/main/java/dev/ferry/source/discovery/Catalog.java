package dev.ferry.source.discovery;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What "refresh schemas" found: every user table of the discovered schemas, in schema and name order. */
public record Catalog(String serverVersion, List<TableInfo> tables) {
    public Catalog {
        tables = List.copyOf(tables);
    }

    public List<String> schemas() {
        return tables.stream().map(TableInfo::schema).distinct().sorted().collect(Collectors.toList());
    }

    public Optional<TableInfo> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
    }
}
