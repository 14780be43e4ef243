package dev.ferry.sink.dialect;

import dev.ferry.sink.dialect.TargetType.Kind;
import dev.ferry.sink.event.Column;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;

/**
 * Resolves an event column to a {@link TargetType}: {@code ferry.target.type} first, then Debezium's logical name,
 * then the propagated source type and length, then the plain Connect type.
 */
public final class TypeResolver {
    private static final Set<String> CHAR_TYPES = Set.of("CHAR", "BPCHAR", "CHARACTER", "NCHAR");
    private static final Set<String> VARCHAR_TYPES = Set.of("VARCHAR", "CHARACTER VARYING", "NVARCHAR");

    private TypeResolver() {
    }

    public static TargetType resolve(Column c, String sourceEngine) {
        String target = c.param(Column.TARGET_TYPE);
        if (target != null && !target.isBlank()) {
            return TargetType.raw(target);
        }
        boolean mySql = "mysql".equals(sourceEngine) || "mariadb".equals(sourceEngine);
        TargetType t = c.logicalName() == null ? null : logical(c, c.logicalName(), "postgresql".equals(sourceEngine));
        if (t == null) {
            t = plain(c, c.schema());
        }
        return t.withSource(c.sourceType(), mySql);
    }

    private static TargetType logical(Column c, String name, boolean pgSource) {
        switch (name) {
            case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date": return TargetType.of(Kind.DATE);
            case "io.debezium.time.Timestamp", "org.apache.kafka.connect.data.Timestamp":
                return TargetType.of(Kind.TIMESTAMP).withLength(fraction(c, 3), null);
            case "io.debezium.time.MicroTimestamp", "io.debezium.time.NanoTimestamp":
                return TargetType.of(Kind.TIMESTAMP).withLength(fraction(c, 6), null);
            case "io.debezium.time.ZonedTimestamp": return TargetType.of(Kind.TIMESTAMPTZ).withLength(fraction(c, 6), null);
            case "io.debezium.time.Time", "io.debezium.time.MicroTime", "io.debezium.time.NanoTime",
                 "org.apache.kafka.connect.data.Time":
                return TargetType.of(pgSource ? Kind.TIME_OF_DAY : Kind.TIME_SPAN).withLength(fraction(c, 6), null);
            case "io.debezium.time.MicroDuration", "io.debezium.time.Interval": return TargetType.of(Kind.INTERVAL);
            case "io.debezium.time.ZonedTime": return TargetType.of(Kind.TIMETZ);
            case "io.debezium.time.Year": return TargetType.of(Kind.YEAR);
            case "org.apache.kafka.connect.data.Decimal": return decimal(c);
            case "io.debezium.data.VariableScaleDecimal": return TargetType.of(Kind.DECIMAL);
            case "io.debezium.data.Json": return TargetType.of(Kind.JSON);
            case "io.debezium.data.Enum": return TargetType.of(Kind.ENUM).withValues(allowed(c));
            case "io.debezium.data.EnumSet": return TargetType.of(Kind.SET).withValues(allowed(c));
            case "io.debezium.data.Uuid": return TargetType.of(Kind.UUID);
            case "io.debezium.data.Bits": return TargetType.of(Kind.BITS).withLength(intOr(c.param("length"), 1), null);
            case "io.debezium.data.geometry.Geometry", "io.debezium.data.geometry.Geography",
                 "io.debezium.data.geometry.Point": return TargetType.of(Kind.BYTES);
            case "io.debezium.data.Xml": return TargetType.of(Kind.TEXT);
            default: return null;
        }
    }

    /** Fractional-second digits: the propagated length or scale when it is 0..6, else the default. */
    private static int fraction(Column c, int fallback) {
        Integer len = c.intParam(Column.SOURCE_LENGTH);
        if (len != null && len >= 0 && len <= 6) {
            return len;
        }
        Integer scale = c.intParam(Column.SOURCE_SCALE);
        return scale != null && scale >= 0 && scale <= 6 ? scale : fallback;
    }

    private static TargetType decimal(Column c) {
        Integer precision = c.intParam("connect.decimal.precision");
        if (precision == null) {
            precision = c.intParam(Column.SOURCE_LENGTH);
        }
        Integer scale = c.intParam("scale");
        if (precision == null || precision <= 0 || precision > 1000) {
            return TargetType.of(Kind.DECIMAL);
        }
        return TargetType.of(Kind.DECIMAL).withLength(precision, scale == null ? 0 : scale);
    }

    private static List<String> allowed(Column c) {
        String a = c.param("allowed");
        return a == null || a.isEmpty() ? List.of() : List.of(a.split(",", -1));
    }

    private static int intOr(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static TargetType plain(Column c, Schema s) {
        switch (s.type()) {
            case BOOLEAN: return TargetType.of(Kind.BOOLEAN);
            case INT8, INT16: return TargetType.of(Kind.INT16).withLength(c.intParam(Column.SOURCE_LENGTH), null);
            case INT32: return TargetType.of(Kind.INT32);
            case INT64: return TargetType.of(Kind.INT64);
            case FLOAT32: return TargetType.of(Kind.FLOAT32);
            case FLOAT64: return TargetType.of(Kind.FLOAT64);
            case STRING: return string(c);
            case BYTES: return TargetType.of(Kind.BYTES).withLength(c.intParam(Column.SOURCE_LENGTH), null);
            case ARRAY: return TargetType.arrayOf(plain(new Column(c.name(), s.valueSchema()), s.valueSchema()));
            default:
                throw new IllegalArgumentException("column " + c.name() + " has Connect type " + s.type()
                        + " which has no target type; add a ferry.target.type (change-data-type rule)");
        }
    }

    private static TargetType string(Column c) {
        String src = c.sourceType();
        Integer len = c.intParam(Column.SOURCE_LENGTH);
        boolean bounded = len != null && len > 0 && len <= 16383;
        if (src != null && CHAR_TYPES.contains(src) && bounded) {
            return TargetType.of(Kind.CHAR).withLength(len, null);
        }
        if (src != null && VARCHAR_TYPES.contains(src) && bounded) {
            return TargetType.of(Kind.VARCHAR).withLength(len, null);
        }
        return TargetType.of(Kind.TEXT);
    }
}
