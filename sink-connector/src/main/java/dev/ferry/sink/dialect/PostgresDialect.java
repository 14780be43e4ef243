package dev.ferry.sink.dialect;

import dev.ferry.sink.event.TableId;
import dev.ferry.sink.event.Values;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL target. */
public class PostgresDialect extends Dialect {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public boolean lowerCaseByDefault() {
        return true;
    }

    @Override
    public String columnType(TargetType t, boolean keyColumn) {
        switch (t.kind()) {
            case BOOLEAN: return "boolean";
            case INT16: return "smallint";
            case INT32: return "integer";
            case INT64: return "bigint";
            case DECIMAL: return t.length() == null ? "numeric" : "numeric(" + t.length() + "," + t.scale() + ")";
            case FLOAT32: return "real";
            case FLOAT64: return "double precision";
            case CHAR: return "char(" + t.length() + ")";
            case VARCHAR: return "varchar(" + t.length() + ")";
            case TEXT, ENUM: return "text";
            case BYTES: return "bytea";
            case DATE: return "date";
            case TIMESTAMP: return "timestamp(" + t.length() + ")";
            case TIMESTAMPTZ: return "timestamptz(" + t.length() + ")";
            case TIME_OF_DAY: return "time(" + t.length() + ")";
            case TIME_SPAN, INTERVAL: return "interval";
            case TIMETZ: return "timetz";
            case YEAR: return "smallint";
            case SET: return "text[]";
            case JSON: return "jsonb";
            case UUID: return "uuid";
            case BITS: return "bit(" + t.length() + ")";
            case ARRAY: return columnType(t.element(), false) + "[]";
            case RAW: return t.raw();
            default: throw new IllegalArgumentException("no PostgreSQL type for " + t.kind());
        }
    }

    @Override
    public void bind(PreparedStatement ps, int i, TargetType t, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.OTHER);
        } else if (v instanceof Values.Micros m) {
            if (t.kind() == TargetType.Kind.TIME_OF_DAY) {
                ps.setObject(i, LocalTime.ofNanoOfDay(m.micros() * 1000L));
            } else {
                ps.setObject(i, m.toPostgresInterval(), Types.OTHER);
            }
        } else if (v instanceof Values.JsonText j) {
            ps.setObject(i, j.json(), Types.OTHER);
        } else if (v instanceof Values.IsoInterval iv) {
            ps.setObject(i, iv.iso(), Types.OTHER);
        } else if (v instanceof Values.BitString b) {
            ps.setObject(i, b.bits(), Types.OTHER);
        } else if (v instanceof List<?> l) {
            ps.setArray(i, ps.getConnection().createArrayOf(arrayElementType(t), l.toArray()));
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(i, d);
        } else if (v instanceof String s) {
            bindString(ps, i, t, s);
        } else {
            ps.setObject(i, v);
        }
    }

    private static void bindString(PreparedStatement ps, int i, TargetType t, String s) throws SQLException {
        if (t.kind() == TargetType.Kind.UUID || t.kind() == TargetType.Kind.RAW || t.kind() == TargetType.Kind.TIMETZ) {
            ps.setObject(i, s, Types.OTHER);
        } else {
            ps.setString(i, s);
        }
    }

    static String arrayElementType(TargetType t) {
        if (t.kind() == TargetType.Kind.SET || t.element() == null) {
            return "text";
        }
        switch (t.element().kind()) {
            case BOOLEAN: return "bool";
            case INT16: return "int2";
            case INT32: return "int4";
            case INT64: return "int8";
            case FLOAT32: return "float4";
            case FLOAT64: return "float8";
            case DECIMAL: return "numeric";
            default: return "text";
        }
    }

    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
        }
    }

    @Override
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    @Override
    public String truncate(TableId table) {
        return "TRUNCATE TABLE " + qualified(table);
    }

    @Override
    public String upsert(TableId table, List<String> columns, List<String> keyColumns) {
        List<String> rest = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        String action = rest.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                + rest.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
        return insert(table, columns) + " ON CONFLICT (" + list(keyColumns) + ") " + action;
    }

    @Override
    public String updateOneRow(TableId table, List<String> setColumns, List<String> matchColumns) {
        return "UPDATE " + qualified(table) + " SET " + assignments(setColumns) + " WHERE ctid = (SELECT ctid FROM "
                + qualified(table) + " WHERE " + nullSafeMatch(matchColumns) + " LIMIT 1)";
    }

    @Override
    public String deleteOneRow(TableId table, List<String> matchColumns) {
        return "DELETE FROM " + qualified(table) + " WHERE ctid = (SELECT ctid FROM " + qualified(table) + " WHERE "
                + nullSafeMatch(matchColumns) + " LIMIT 1)";
    }

    @Override
    protected String nullSafeEquals(String quotedColumn) {
        return quotedColumn + " IS NOT DISTINCT FROM ?";
    }

    @Override
    public String controlKeyType() {
        return "text";
    }

    @Override
    public String controlTextType() {
        return "text";
    }

    @Override
    public String controlTimestampType() {
        return "timestamptz";
    }

    @Override
    public String identityColumn() {
        return "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }
}
