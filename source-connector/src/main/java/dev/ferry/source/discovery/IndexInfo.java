package dev.ferry.source.discovery;

import java.util.List;

/** An index: its columns in order, whether it is unique, whether it is the primary key. */
public record IndexInfo(String name, List<String> columns, boolean unique, boolean primary) {
    public IndexInfo {
        columns = List.copyOf(columns);
    }
}
