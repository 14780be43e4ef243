package dev.ferry.sink.dialect;

import dev.ferry.sink.event.TableId;
import dev.ferry.sink.event.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** MySQL 8 target; {@link MariaDbDialect} overrides the few hooks where MariaDB differs. */
public class MySqlDialect extends Dialect {
    /** Source integer types a MySQL-family target keeps as they are. */
    private static final Set<String> MYSQL_INTEGERS = Set.of("TINYINT", "TINYINT UNSIGNED", "SMALLINT",
            "SMALLINT UNSIGNED", "MEDIUMINT", "MEDIUMINT UNSIGNED", "INT UNSIGNED", "INTEGER UNSIGNED");
    private static final Set<String> MYSQL_TEXTS = Set.of("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT");
    private static final Set<String> MYSQL_BINARIES = Set.of("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB");
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public boolean schemaIsCatalog() {
        return true;
    }

    @Override
    public boolean lowerCaseByDefault() {
        return false;
    }

    /** Binary NO PAD collation so 'a', 'A' and 'a ' are three keys, as in PostgreSQL. */
    protected String binaryCollation() {
        return "utf8mb4_0900_bin";
    }

    /** JSON column type: MySQL's JSON would round big numbers, so the text is kept verbatim. */
    protected String jsonType() {
        return "longtext";
    }

    @Override
    protected String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + binaryCollation();
    }

    @Override
    public String columnType(TargetType t, boolean key) {
        switch (t.kind()) {
            case BOOLEAN: return "tinyint(1)";
            case INT16, INT32, INT64: return integer(t);
            case DECIMAL: return t.sourceMySql() && "BIGINT UNSIGNED".equals(t.sourceType()) ? "bigint unsigned"
                    : t.length() == null ? "decimal(65,30)" : "decimal(" + t.length() + "," + t.scale() + ")";
            case FLOAT32: return "float";
            case FLOAT64: return "double";
            case CHAR: return "char(" + t.length() + ")";
            case VARCHAR: return "varchar(" + t.length() + ")";
            case TEXT: return text(t, key);
            case BYTES: return binary(t, key);
            case DATE: return "date";
            case TIMESTAMP: return "datetime(" + t.length() + ")";
            case TIMESTAMPTZ: return t.sourceMySql() && "TIMESTAMP".equals(t.sourceType())
                    ? "timestamp(" + t.length() + ")" : "datetime(" + t.length() + ")";
            case TIME_OF_DAY, TIME_SPAN: return "time(" + t.length() + ")";
            case INTERVAL: return "varchar(64)";
            case TIMETZ: return "varchar(32)";
            case YEAR: return t.sourceMySql() ? "year" : "smallint";
            case ENUM: return "enum(" + literals(t.values()) + ")";
            case SET: return "set(" + literals(t.values()) + ")";
            case JSON: return jsonType();
            case UUID: return "char(36)";
            case BITS: return "bit(" + t.length() + ")";
            case ARRAY: return "json";
            case RAW: return t.raw();
            default: throw new IllegalArgumentException("no MySQL type for " + t.kind());
        }
    }

    private static String integer(TargetType t) {
        String src = t.sourceType();
        if (t.sourceMySql() && src != null && MYSQL_INTEGERS.contains(src)) {
            boolean tinyOne = src.equals("TINYINT") && Integer.valueOf(1).equals(t.length());
            return tinyOne ? "tinyint(1)" : src.toLowerCase(java.util.Locale.ROOT);
        }
        return t.kind() == TargetType.Kind.INT16 ? "smallint" : t.kind() == TargetType.Kind.INT32 ? "int" : "bigint";
    }

    private static String text(TargetType t, boolean key) {
        if (key) {
            return "varchar(768)";
        }
        String src = t.sourceType();
        return t.sourceMySql() && src != null && MYSQL_TEXTS.contains(src) ? src.toLowerCase(java.util.Locale.ROOT) : "longtext";
    }

    private static String binary(TargetType t, boolean key) {
        String src = t.sourceType();
        if (t.sourceMySql() && src != null && t.length() != null && (src.equals("BINARY") || src.equals("VARBINARY"))) {
            return src.toLowerCase(java.util.Locale.ROOT) + "(" + t.length() + ")";
        }
        if (key) {
            return "varbinary(768)";
        }
        return t.sourceMySql() && src != null && MYSQL_BINARIES.contains(src) ? src.toLowerCase(java.util.Locale.ROOT) : "longblob";
    }

    private static String literals(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("\\", "\\\\").replace("'", "''") + "'")
                .collect(Collectors.joining(","));
    }

    @Override
    protected String nullableSuffix(TargetType type) {
        return " NULL";
    }

    @Override
    public void bind(PreparedStatement ps, int i, TargetType t, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(i, d);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else if (v instanceof Values.BitString b) {
            ps.setLong(i, new BigInteger(b.bits(), 2).longValue());
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof Float f) {
            // Float.toString rounds the largest floats up (3.4028235E38), past the range MySQL's FLOAT accepts;
            // the exact binary value written as a double fits and is stored as the same float.
            ps.setDouble(i, f.doubleValue());
        } else if (v instanceof Number n) {
            ps.setObject(i, n);
        } else {
            ps.setString(i, text(t, v));
        }
    }

    /** The text form of a value as MySQL parses it (also used by LOAD DATA). */
    public String text(TargetType t, Object v) {
        if (v instanceof Values.Micros m) {
            return m.toMySqlTime();
        } else if (v instanceof LocalDateTime ldt) {
            return DATETIME.format(ldt);
        } else if (v instanceof OffsetDateTime odt) {
            return DATETIME.format(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else if (v instanceof LocalDate d) {
            return d.toString();
        } else if (v instanceof Values.JsonText j) {
            return j.json();
        } else if (v instanceof Values.IsoInterval iv) {
            return iv.iso();
        } else if (v instanceof Float f) {
            return Double.toString(f.doubleValue());
        } else if (v instanceof List<?> l) {
            return t.kind() == TargetType.Kind.SET ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : JsonArrays.toJson(l);
        }
        return v.toString();
    }

    /** Gives {@code LOAD DATA LOCAL INFILE} on this statement its data from memory instead of a file. */
    public void setLocalInfile(java.sql.Statement statement, java.io.InputStream data) throws SQLException {
        statement.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(data);
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
        }
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE DATABASE IF NOT EXISTS " + quote(schema) + " CHARACTER SET utf8mb4 COLLATE " + binaryCollation();
    }

    /** DELETE, not TRUNCATE: TRUNCATE would commit the transaction that also carries the offsets. */
    @Override
    public String truncate(TableId table) {
        return "DELETE FROM " + qualified(table);
    }

    @Override
    public String upsert(TableId table, List<String> columns, List<String> keyColumns) {
        List<String> rest = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        List<String> set = rest.isEmpty() ? List.of(keyColumns.get(0)) : rest;
        return insert(table, columns) + " ON DUPLICATE KEY UPDATE "
                + set.stream().map(c -> quote(c) + " = " + insertedValue(c)).collect(Collectors.joining(", "));
    }

    /** How ON DUPLICATE KEY UPDATE refers to the inserted value of a column. */
    protected String insertedValue(String column) {
        return "VALUES(" + quote(column) + ")";
    }

    @Override
    public String updateOneRow(TableId table, List<String> setColumns, List<String> matchColumns) {
        return "UPDATE " + qualified(table) + " SET " + assignments(setColumns) + " WHERE "
                + nullSafeMatch(matchColumns) + " LIMIT 1";
    }

    @Override
    public String deleteOneRow(TableId table, List<String> matchColumns) {
        return "DELETE FROM " + qualified(table) + " WHERE " + nullSafeMatch(matchColumns) + " LIMIT 1";
    }

    @Override
    protected String nullSafeEquals(String quotedColumn) {
        return quotedColumn + " <=> ?";
    }

    @Override
    public String controlKeyType() {
        return "varchar(255)";
    }

    @Override
    public String controlTextType() {
        return "longtext";
    }

    @Override
    public String controlTimestampType() {
        return "datetime(6)";
    }

    @Override
    public String identityColumn() {
        return "bigint AUTO_INCREMENT PRIMARY KEY";
    }
}
