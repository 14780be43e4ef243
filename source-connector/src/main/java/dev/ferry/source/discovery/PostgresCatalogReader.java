package dev.ferry.source.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a PostgreSQL catalogue from {@code pg_catalog} (current database; system schemas left out). */
final class PostgresCatalogReader {
    private static final String SCHEMA_FILTER = " n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "
            + "AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[])) ";
    private static final String RELKINDS = " c.relkind IN ('r', 'p', 'v') ";

    private final Connection c;

    PostgresCatalogReader(Connection c) {
        this.c = c;
    }

    Catalog read(List<String> schemas) throws SQLException {
        Map<String, List<ColumnInfo>> columns = columns(schemas);
        Map<String, List<IndexInfo>> indexes = indexes(schemas);
        Map<String, List<ForeignKeyInfo>> fks = foreignKeys(schemas);
        List<TableInfo> tables = new ArrayList<>();
        String sql = "SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint, pg_total_relation_size(c.oid), "
                + "c.relispartition, (SELECT pn.nspname || '.' || pc.relname FROM pg_class pc JOIN pg_namespace pn "
                + "ON pn.oid = pc.relnamespace WHERE pc.oid = pg_partition_root(c.oid)), "
                + "(SELECT pn.nspname || '.' || pc.relname FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent "
                + "JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid LIMIT 1) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + RELKINDS + "AND"
                + SCHEMA_FILTER + "ORDER BY 1, 2";
        try (ResultSet rs = query(sql, schemas)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                String kind = switch (rs.getString(3)) {
                    case "p" -> "PARTITIONED";
                    case "v" -> "VIEW";
                    default -> "TABLE";
                };
                boolean partition = rs.getBoolean(6);
                tables.add(new TableInfo(rs.getString(1), rs.getString(2), kind, rs.getLong(4), rs.getLong(5),
                        columns.getOrDefault(key, List.of()), indexes.getOrDefault(key, List.of()),
                        fks.getOrDefault(key, List.of()), partition ? rs.getString(7) : null,
                        partition ? null : rs.getString(8)));
            }
        }
        return new Catalog(Sql.version(c), tables);
    }

    private Map<String, List<ColumnInfo>> columns(List<String> schemas) throws SQLException {
        Map<String, List<ColumnInfo>> out = new LinkedHashMap<>();
        String sql = "SELECT n.nspname, c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), "
                + "t.typname, NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), "
                + "(a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'), "
                + "a.atttypmod, co.collname, t.typcategory FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0 "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND" + RELKINDS + "AND" + SCHEMA_FILTER
                + "ORDER BY 1, 2, 4";
        try (ResultSet rs = query(sql, schemas)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                String typeName = rs.getString(6);
                int typmod = rs.getInt(10);
                Integer length = null;
                Integer precision = null;
                Integer scale = null;
                if (typmod >= 4 && ("varchar".equals(typeName) || "bpchar".equals(typeName))) {
                    length = typmod - 4;
                } else if (typmod >= 4 && "numeric".equals(typeName)) {
                    precision = ((typmod - 4) >> 16) & 0xffff;
                    scale = (typmod - 4) & 0xffff;
                }
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new ColumnInfo(rs.getString(3), rs.getInt(4),
                        rs.getString(5), typeName, rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), length,
                        precision, scale, rs.getString(11), "json".equals(typeName) || "jsonb".equals(typeName)));
            }
        }
        return out;
    }

    private Map<String, List<IndexInfo>> indexes(List<String> schemas) throws SQLException {
        Map<String, Map<String, IndexBuilder>> byTable = new LinkedHashMap<>();
        String sql = "SELECT n.nspname, c.relname, ic.relname, i.indisunique AND i.indpred IS NULL, i.indisprimary, "
                + "a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                + "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
                + "WHERE NOT (0 = ANY(i.indkey::int2[])) AND k.ord <= i.indnkeyatts AND" + RELKINDS + "AND"
                + SCHEMA_FILTER + "ORDER BY 1, 2, 3, k.ord";
        try (ResultSet rs = query(sql, schemas)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                byTable.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(3), name -> new IndexBuilder(name, primary(rs)))
                        .unique(rs.getBoolean(4)).column(rs.getString(6));
            }
        }
        return IndexBuilder.build(byTable);
    }

    private static boolean primary(ResultSet rs) {
        try {
            return rs.getBoolean(5);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<ForeignKeyInfo>> foreignKeys(List<String> schemas) throws SQLException {
        Map<String, Map<String, ForeignKeyBuilder>> byTable = new LinkedHashMap<>();
        String sql = "SELECT n.nspname, c.relname, con.conname, a.attname, rn.nspname, rc.relname, ra.attname "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class rc ON rc.oid = con.confrelid "
                + "JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY k(att, ratt, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att "
                + "JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.ratt "
                + "WHERE con.contype = 'f' AND" + SCHEMA_FILTER + "ORDER BY 1, 2, 3, k.ord";
        try (ResultSet rs = query(sql, schemas)) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                byTable.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(3), name -> new ForeignKeyBuilder(name, rs))
                        .add(rs.getString(4), rs.getString(7));
            }
        }
        return ForeignKeyBuilder.build(byTable);
    }

    private ResultSet query(String sql, List<String> schemas) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        var array = c.createArrayOf("text", schemas.toArray());
        ps.setArray(1, array);
        ps.setArray(2, array);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }
}
