package dev.ferry.sink.control;

import dev.ferry.sink.event.ChangeEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ferry_apply_exceptions}: records the target refused under {@code error-policy=log-error}. */
public final class ApplyExceptionLog {
    private final ControlTables tables;
    private final String task;

    public ApplyExceptionLog(ControlTables tables, String task) {
        this.tables = tables;
        this.task = task;
    }

    /** Writes one row inside the caller's transaction, so the record is logged exactly once. */
    public void write(Connection c, ChangeEvent e, String error) throws SQLException {
        String sql = tables.dialect().insert(tables.applyExceptions(), java.util.List.of("task", "table_name",
                "record_key", "operation", "error", "topic", "partition", "kafka_offset"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            ps.setString(2, e.table().toString());
            ps.setString(3, describeKey(e));
            ps.setString(4, e.op().name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(5, error);
            ps.setString(6, e.coordinates().topic());
            ps.setInt(7, e.coordinates().partition());
            ps.setLong(8, e.coordinates().offset());
            ps.executeUpdate();
        }
    }

    /** The key columns and values, or the whole identifying image for a table without a key. */
    public static String describeKey(ChangeEvent e) {
        Map<String, Object> image = e.after() != null ? e.after() : e.before();
        if (image == null) {
            return null;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : e.hasKey() ? e.keyColumns() : image.keySet()) {
            Object v = image.get(k);
            key.put(k, v instanceof byte[] b ? "0x" + java.util.HexFormat.of().formatHex(b) : v);
        }
        String s = key.toString();
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
