package dev.ferry.runtime.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.JdbcEndpoints;

/**
 * The runtime's view of the control tables the sink keeps in the target ({@code ferry_offsets},
 * {@code ferry_table_state}); works whether the task runs or not, and in a stock Connect deployment.
 */
public final class ControlSchema {
    private final Endpoint target;
    private final String schema;
    private final String task;

    public ControlSchema(Endpoint target, String schema, String task) {
        this.target = target;
        this.schema = schema;
        this.task = task;
    }

    /** One row of {@code ferry_table_state}. */
    public record TableRow(String table, String state, long fullLoadRows, long inserts, long updates, long deletes,
                           long ddls, Long lastSourceTsMs, String error) {
    }

    private String q(String identifier) {
        return target.engine().isMySqlFamily() ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    private String table(String name) {
        return q(schema) + "." + q(name);
    }

    public boolean exists(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean mysql = target.engine().isMySqlFamily();
        try (ResultSet rs = md.getTables(mysql ? schema : null, mysql ? null : schema, "ferry_table_state", null)) {
            return rs.next();
        }
    }

    /** The next offset the sink will consume, per original topic (partition 0). */
    public Map<String, Long> offsets(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        String sql = "SELECT " + q("topic") + ", " + q("kafka_offset") + " FROM " + table("ferry_offsets") + " WHERE "
                + q("task") + " = ? AND " + q("partition") + " = 0";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    public Map<String, TableRow> tables(Connection c) throws SQLException {
        Map<String, TableRow> out = new LinkedHashMap<>();
        String sql = "SELECT " + q("table_name") + ", " + q("state") + ", " + q("full_load_rows") + ", " + q("inserts")
                + ", " + q("updates") + ", " + q("deletes") + ", " + q("ddls") + ", " + q("last_source_ts_ms") + ", "
                + q("error") + " FROM " + table("ferry_table_state") + " WHERE " + q("task") + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ts = rs.getLong(8);
                    Long lastTs = rs.wasNull() ? null : ts;
                    out.put(rs.getString(1), new TableRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), lastTs, rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Marks a target table completed (the sink never moves a completed table back to full-load). */
    public void markCompleted(Connection c, String targetTable) throws SQLException {
        String sql = "UPDATE " + table("ferry_table_state") + " SET " + q("state") + " = 'completed', "
                + q("full_load_end") + " = CURRENT_TIMESTAMP WHERE " + q("task") + " = ? AND " + q("table_name")
                + " = ? AND " + q("state") + " <> 'table-error'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, task);
            ps.setString(2, targetTable);
            ps.executeUpdate();
        }
    }

    public Connection connect() throws SQLException {
        return JdbcEndpoints.connect(target);
    }
}
