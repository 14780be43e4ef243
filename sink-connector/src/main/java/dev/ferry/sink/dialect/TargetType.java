package dev.ferry.sink.dialect;

import java.util.List;

/**
 * A dialect-neutral column type resolved from an event column; each dialect renders it to DDL and binds values for it.
 *
 * @param length     length, precision or fractional-second digits, or null
 * @param scale      decimal scale, or null
 * @param values     allowed values of an enum or set
 * @param sourceType propagated source type (upper case) or null; lets a same-family target keep e.g. TINYINT UNSIGNED
 * @param sourceMySql true when the source is MySQL or MariaDB
 * @param element    element type of an array
 * @param raw        literal SQL type from {@code ferry.target.type}
 */
public record TargetType(Kind kind, Integer length, Integer scale, List<String> values, String sourceType,
                         boolean sourceMySql, TargetType element, String raw) {

    public enum Kind {
        BOOLEAN, INT16, INT32, INT64, DECIMAL, FLOAT32, FLOAT64, CHAR, VARCHAR, TEXT, BYTES,
        DATE, TIMESTAMP, TIMESTAMPTZ, TIME_OF_DAY, TIME_SPAN, INTERVAL, TIMETZ, YEAR, ENUM, SET, JSON, UUID, BITS,
        ARRAY, RAW
    }

    public static TargetType of(Kind kind) {
        return new TargetType(kind, null, null, List.of(), null, false, null, null);
    }

    public TargetType withLength(Integer l, Integer s) {
        return new TargetType(kind, l, s, values, sourceType, sourceMySql, element, raw);
    }

    public TargetType withSource(String type, boolean mySql) {
        return new TargetType(kind, length, scale, values, type, mySql, element, raw);
    }

    public TargetType withValues(List<String> v) {
        return new TargetType(kind, length, scale, v, sourceType, sourceMySql, element, raw);
    }

    public static TargetType arrayOf(TargetType element) {
        return new TargetType(Kind.ARRAY, null, null, List.of(), null, false, element, null);
    }

    public static TargetType raw(String sql) {
        return new TargetType(Kind.RAW, null, null, List.of(), null, false, null, sql);
    }

    public boolean isString() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.TEXT || kind == Kind.ENUM || kind == Kind.SET;
    }
}
