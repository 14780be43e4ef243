package dev.ferry.source.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a MySQL/MariaDB catalogue from {@code information_schema}; schema = database. */
final class MySqlCatalogReader {
    private static final List<String> SYSTEM = List.of("mysql", "information_schema", "performance_schema", "sys");

    private final Connection c;

    MySqlCatalogReader(Connection c) {
        this.c = c;
    }

    Catalog read(List<String> schemas) throws SQLException {
        String filter = schemas.isEmpty()
                ? " NOT IN (" + placeholders(SYSTEM.size()) + ")" : " IN (" + placeholders(schemas.size()) + ")";
        List<String> args = schemas.isEmpty() ? SYSTEM : schemas;
        Map<String, List<ColumnInfo>> columns = columns(filter, args);
        Map<String, List<IndexInfo>> indexes = indexes(filter, args);
        Map<String, List<ForeignKeyInfo>> fks = foreignKeys(filter, args);
        List<TableInfo> tables = new ArrayList<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA" + filter + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                String kind = rs.getString(3).contains("VIEW") ? "VIEW" : "TABLE";
                long rows = rs.getObject(4) == null ? -1 : rs.getLong(4);
                tables.add(new TableInfo(rs.getString(1), rs.getString(2), kind, rows, rs.getLong(5),
                        columns.getOrDefault(key, List.of()), indexes.getOrDefault(key, List.of()),
                        fks.getOrDefault(key, List.of()), null, null));
            }
        }
        return new Catalog(Sql.version(c), tables);
    }

    private Map<String, List<ColumnInfo>> columns(String filter, List<String> args) throws SQLException {
        Map<String, String> jsonChecks = jsonChecks(filter, args);
        Map<String, List<ColumnInfo>> out = new LinkedHashMap<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, DATA_TYPE, "
                + "IS_NULLABLE, COLUMN_DEFAULT, EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, "
                + "COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA" + filter
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                String column = rs.getString(3);
                String dataType = rs.getString(6).toLowerCase(Locale.ROOT);
                boolean json = "json".equals(dataType) || jsonChecks.containsKey(key + "." + column);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new ColumnInfo(column, rs.getInt(4),
                        rs.getString(5), dataType, "YES".equals(rs.getString(7)), rs.getString(8),
                        String.valueOf(rs.getString(9)).toLowerCase(Locale.ROOT).contains("auto_increment"),
                        intOrNull(rs, 10), intOrNull(rs, 11), intOrNull(rs, 12), rs.getString(13), json));
            }
        }
        return out;
    }

    /** MariaDB's JSON is LONGTEXT with a CHECK (json_valid(`col`)) constraint; finds those columns. */
    private Map<String, String> jsonChecks(String filter, List<String> args) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        String sql = "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA" + filter;
        Pattern jsonValid = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)", Pattern.CASE_INSENSITIVE);
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                var m = jsonValid.matcher(rs.getString(3));
                if (m.find()) {
                    out.put(rs.getString(1) + "." + rs.getString(2) + "." + m.group(1).replace("``", "`"), "json");
                }
            }
        } catch (SQLException e) {
            // MySQL before 8.0.16 has no CHECK_CONSTRAINTS; its JSON columns are typed json anyway.
        }
        return out;
    }

    private Map<String, List<IndexInfo>> indexes(String filter, List<String> args) throws SQLException {
        Map<String, Map<String, IndexBuilder>> byTable = new LinkedHashMap<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM "
                + "information_schema.STATISTICS WHERE TABLE_SCHEMA" + filter
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                String name = rs.getString(3);
                byTable.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(name, n -> new IndexBuilder(n, "PRIMARY".equals(n))).unique(rs.getInt(4) == 0)
                        .column(rs.getString(5));
            }
        }
        return IndexBuilder.build(byTable);
    }

    private Map<String, List<ForeignKeyInfo>> foreignKeys(String filter, List<String> args) throws SQLException {
        Map<String, Map<String, ForeignKeyBuilder>> byTable = new LinkedHashMap<>();
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, "
                + "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                + "WHERE REFERENCED_TABLE_NAME IS NOT NULL AND TABLE_SCHEMA" + filter
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                byTable.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(3), n -> new ForeignKeyBuilder(n, rs))
                        .add(rs.getString(4), rs.getString(7));
            }
        }
        return ForeignKeyBuilder.build(byTable);
    }

    private ResultSet query(String sql, List<String> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : (int) Math.min(Integer.MAX_VALUE, v);
    }
}
