package dev.ferry.runtime.demo;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Row count and an order-independent checksum of one table: every row becomes a canonical text (one form per
 * <em>source</em> column type, so that a MariaDB row and its PostgreSQL copy give the same text), hashed with
 * SHA-256; the checksum is the sum of the first 8 bytes of every row hash.
 */
record TableChecksum(long rows, long checksum) {
    /** A source column: its name and MySQL type name ({@code DATA_TYPE}, {@code COLUMN_TYPE}). */
    record Column(String name, String dataType, String columnType) {
    }

    static List<Column> mysqlColumns(Connection source, String database, String table) throws SQLException {
        List<Column> cols = new ArrayList<>();
        try (var ps = source.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(new Column(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT),
                            rs.getString(3).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return cols;
    }

    static List<String> mysqlTables(Connection source, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData md = source.getMetaData();
        try (ResultSet rs = md.getTables(database, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }

    /** Reads {@code qualifiedTable} on either side; {@code quote} is the identifier quote of that side. */
    static TableChecksum of(Connection c, String qualifiedTable, List<Column> columns, char quote) throws SQLException {
        MessageDigest sha = sha256();
        long[] acc = new long[2];
        forEachRow(c, qualifiedTable, columns, quote, row -> {
            byte[] h = sha.digest(row.getBytes(StandardCharsets.UTF_8));
            acc[0]++;
            acc[1] += ByteBuffer.wrap(h, 0, 8).getLong();
        });
        return new TableChecksum(acc[0], acc[1]);
    }

    /** The canonical text of every row, for showing differences. */
    static java.util.Set<String> rowTexts(Connection c, String qualifiedTable, List<Column> columns, char quote)
            throws SQLException {
        java.util.Set<String> rows = new java.util.HashSet<>();
        forEachRow(c, qualifiedTable, columns, quote, rows::add);
        return rows;
    }

    private static void forEachRow(Connection c, String qualifiedTable, List<Column> columns, char quote,
                                   java.util.function.Consumer<String> action) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote).append(columns.get(i).name().toLowerCase(Locale.ROOT))
                    .append(quote);
        }
        sql.append(" FROM ").append(qualifiedTable);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < columns.size(); i++) {
                    row.append(canonical(rs, i + 1, columns.get(i), quote)).append('|');
                }
                action.accept(row.toString());
            }
        }
    }

    /** The canonical text of one value, by source type; {@code \u0000} for SQL NULL. */
    static String canonical(ResultSet rs, int i, Column col, char quote) throws SQLException {
        Object raw = rs.getObject(i);
        if (raw == null) {
            return "NULL";
        }
        switch (col.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year", "bit":
                return raw instanceof Boolean b ? (b ? "1" : "0") : new BigDecimal(rs.getString(i)).toBigInteger()
                        .toString();
            case "decimal", "numeric", "float", "double":
                return new BigDecimal(rs.getString(i)).stripTrailingZeros().toPlainString();
            case "datetime", "timestamp":
                return dateTime(rs, i, raw);
            case "date":
                return rs.getString(i).substring(0, 10);
            case "char":
                return rs.getString(i).stripTrailing(); // MySQL strips CHAR padding on read, PostgreSQL keeps it
            case "set":
                return raw instanceof Array a ? String.join(",", toStrings(a)) : rs.getString(i);
            case "geometry", "point", "linestring", "polygon":
                return wkbHex(rs.getBytes(i), quote == '`');
            case "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary":
                return HexFormat.of().formatHex(rs.getBytes(i));
            default:
                return rs.getString(i);
        }
    }

    private static String dateTime(ResultSet rs, int i, Object raw) throws SQLException {
        if (raw instanceof OffsetDateTime || raw.getClass().getSimpleName().equals("PGobject")) {
            return rs.getObject(i, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    .toString();
        }
        if (rs.getMetaData().getColumnTypeName(i).toLowerCase(Locale.ROOT).equals("timestamptz")) {
            return rs.getObject(i, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    .toString();
        }
        // MariaDB: the server's text (the server runs in UTC); PostgreSQL timestamp: a LocalDateTime.
        String text = rs.getString(i);
        return LocalDateTime.parse(text.replace(' ', 'T')).toString();
    }

    private static String[] toStrings(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        String[] out = new String[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = String.valueOf(values[j]);
        }
        return out;
    }

    /** MySQL/MariaDB return geometry as a 4-byte SRID followed by WKB; the target holds WKB. */
    private static String wkbHex(byte[] b, boolean mysqlSide) {
        byte[] wkb = mysqlSide ? java.util.Arrays.copyOfRange(b, 4, b.length) : b;
        return HexFormat.of().formatHex(wkb);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
