package dev.ferry.source.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates the rows of one index (one row per column) read from a catalogue query. */
final class IndexBuilder {
    private final String name;
    private final boolean primary;
    private final List<String> columns = new ArrayList<>();
    private boolean unique;

    IndexBuilder(String name, boolean primary) {
        this.name = name;
        this.primary = primary;
    }

    IndexBuilder unique(boolean isUnique) {
        this.unique = isUnique;
        return this;
    }

    IndexBuilder column(String column) {
        columns.add(column);
        return this;
    }

    IndexInfo build() {
        return new IndexInfo(name, columns, unique || primary, primary);
    }

    /** Per table key, the indexes in the order they were first seen. */
    static Map<String, List<IndexInfo>> build(Map<String, Map<String, IndexBuilder>> byTable) {
        Map<String, List<IndexInfo>> out = new LinkedHashMap<>();
        byTable.forEach((table, builders) -> out.put(table, builders.values().stream().map(IndexBuilder::build).toList()));
        return out;
    }
}
