package dev.ferry.sink.table;

import dev.ferry.sink.control.TableStats;
import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.event.Column;
import dev.ferry.sink.event.TableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the sink knows about one target table: its key, column types, last event layout, state. */
public final class TableHandle {
    private final TableId id;
    private final List<String> keyColumns;
    private final Map<String, TargetType> types = new LinkedHashMap<>();
    private TableStats stats;
    private List<Column> lastColumns;
    private Map<String, TargetType> lastTypes;
    private boolean bulkEligible;
    private String error;

    TableHandle(TableId id, List<String> keyColumns, TableStats stats, boolean bulkEligible) {
        this.id = id;
        this.keyColumns = List.copyOf(keyColumns);
        this.stats = stats;
        this.bulkEligible = bulkEligible;
        if (TableStats.ERROR.equals(stats.state())) {
            this.error = stats.error();
        }
    }

    public TableId id() { return id; }
    public List<String> keyColumns() { return keyColumns; }
    public boolean keyed() { return !keyColumns.isEmpty(); }
    public TargetType type(String column) { return types.get(column); }
    public boolean hasColumn(String column) { return types.containsKey(column); }
    public java.util.Collection<TargetType> types() { return java.util.Collections.unmodifiableCollection(types.values()); }
    public TableStats stats() { return stats; }
    public boolean bulkEligible() { return bulkEligible; }
    public boolean inError() { return error != null; }
    public String error() { return error; }

    void putType(String column, TargetType type) { types.put(column, type); }
    List<Column> lastColumns() { return lastColumns; }
    Map<String, TargetType> lastTypes() { return lastTypes; }

    void remember(List<Column> columns, Map<String, TargetType> resolved) {
        this.lastColumns = columns;
        this.lastTypes = resolved;
    }

    void fail(String reason) {
        this.error = reason;
    }

    /** Publishes statistics after a committed flush. */
    public void publish(TableStats committed) {
        this.stats = committed;
    }

    public void endBulk() {
        this.bulkEligible = false;
    }
}
