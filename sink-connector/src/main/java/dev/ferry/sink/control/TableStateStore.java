package dev.ferry.sink.control;

import dev.ferry.sink.event.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.ferry.sink.dialect.TargetType;
import java.util.List;

/** {@code ferry_table_state}: per-table state and statistics, written in the flush transaction. */
public final class TableStateStore {
    private static final List<String> COLUMNS = List.of("task", "table_name", "state", "full_load_rows",
            "full_load_start", "full_load_end", "inserts", "updates", "deletes", "ddls", "last_source_ts_ms", "error");
    private static final TargetType TIMESTAMPTZ = TargetType.of(TargetType.Kind.TIMESTAMPTZ).withLength(6, null);
    private final ControlTables tables;
    private final String task;

    public TableStateStore(ControlTables tables, String task) {
        this.tables = tables;
        this.task = task;
    }

    /** The stored statistics, or null when the task never wrote this table (so the prep mode may apply). */
    public TableStats load(Connection c, TableId table) throws SQLException {
        String sql = "SELECT " + String.join(", ", COLUMNS.subList(2, COLUMNS.size()).stream().map(tables::quote).toList())
                + " FROM " + tables.dialect().qualified(tables.tableState()) + " WHERE " + tables.quote("task")
                + " = ? AND " + tables.quote("table_name") + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            ps.setString(2, table.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    private static TableStats read(ResultSet rs) throws SQLException {
        TableStats s = new TableStats();
        s.state = rs.getString(1);
        s.fullLoadRows = rs.getLong(2);
        s.fullLoadStart = instant(rs, 3);
        s.fullLoadEnd = instant(rs, 4);
        s.inserts = rs.getLong(5);
        s.updates = rs.getLong(6);
        s.deletes = rs.getLong(7);
        s.ddls = rs.getLong(8);
        long ts = rs.getLong(9);
        s.lastSourceTsMs = rs.wasNull() ? null : ts;
        s.error = rs.getString(10);
        s.persisted = true;
        return s;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp) {
            // PostgreSQL timestamptz carries its instant; MySQL datetime(6) holds UTC wall-clock time.
            return rs.getMetaData().getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT).contains("timestamptz")
                    ? rs.getObject(i, OffsetDateTime.class).toInstant()
                    : rs.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    public void write(Connection c, TableId table, TableStats s) throws SQLException {
        adoptCompletion(c, table, s);
        String sql = tables.dialect().upsert(tables.tableState(), COLUMNS, List.of("task", "table_name"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            ps.setString(2, table.toString());
            ps.setString(3, s.state);
            ps.setLong(4, s.fullLoadRows);
            setTime(ps, 5, s.fullLoadStart);
            setTime(ps, 6, s.fullLoadEnd);
            ps.setLong(7, s.inserts);
            ps.setLong(8, s.updates);
            ps.setLong(9, s.deletes);
            ps.setLong(10, s.ddls);
            if (s.lastSourceTsMs == null) {
                ps.setNull(11, Types.BIGINT);
            } else {
                ps.setLong(11, s.lastSourceTsMs);
            }
            ps.setString(12, s.error);
            ps.executeUpdate();
        }
        s.persisted = true;
    }

    /**
     * The runtime marks a table completed (its snapshot done and applied) in this table; the sink's own view may
     * still say full-load or cdc, and must not move the table back.
     */
    private void adoptCompletion(Connection c, TableId table, TableStats s) throws SQLException {
        if (TableStats.COMPLETED.equals(s.state) || TableStats.ERROR.equals(s.state) || !s.persisted) {
            return;
        }
        TableStats stored = load(c, table);
        if (stored != null && TableStats.COMPLETED.equals(stored.state)) {
            s.state = TableStats.COMPLETED;
            s.fullLoadEnd = stored.fullLoadEnd;
        }
    }

    private void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        tables.dialect().bind(ps, i, TIMESTAMPTZ, t == null ? null : t.atOffset(ZoneOffset.UTC));
    }
}
