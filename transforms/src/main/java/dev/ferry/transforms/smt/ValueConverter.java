package dev.ferry.transforms.smt;

import dev.ferry.transforms.expr.SqlValues;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Converts a value (a Connect value or an expression result) to the Connect representation of a target schema.
 * Decimals are rounded half-up to the target scale, as a database cast does; a value that does not fit an
 * integer type is an error, never a silent truncation.
 */
final class ValueConverter {
    private ValueConverter() {
    }

    static Object convert(Object value, Schema target) {
        if (value == null) {
            return null;
        }
        Object v = SqlValues.fromConnect(value);
        if (target.name() != null) {
            return convertLogical(v, target);
        }
        return switch (target.type()) {
            case STRING -> SqlValues.toText(v);
            case BOOLEAN -> toBoolean(v);
            case INT8 -> (byte) toLong(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "int1");
            case INT16 -> (short) toLong(v, Short.MIN_VALUE, Short.MAX_VALUE, "int2");
            case INT32 -> (int) toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "int4");
            case INT64 -> toLong(v, Long.MIN_VALUE, Long.MAX_VALUE, "int8");
            case FLOAT32 -> (float) toDouble(v);
            case FLOAT64 -> toDouble(v);
            case BYTES -> value instanceof byte[] || value instanceof ByteBuffer ? value
                    : SqlValues.toText(v).getBytes(StandardCharsets.UTF_8);
            default -> throw new DataException("cannot convert " + v + " to " + target.type());
        };
    }

    private static Object convertLogical(Object v, Schema target) {
        return switch (target.name()) {
            case Decimal.LOGICAL_NAME -> toDecimal(v).setScale(Integer.parseInt(
                    target.parameters().get(Decimal.SCALE_FIELD)), RoundingMode.HALF_UP);
            case DmsTypes.DEBEZIUM_DATE -> v instanceof Long l ? l.intValue()
                    : (int) LocalDate.parse(text(v)).toEpochDay();
            case DmsTypes.DEBEZIUM_MICRO_TIME -> v instanceof Long l ? l
                    : LocalTime.parse(text(v)).toNanoOfDay() / 1000;
            case DmsTypes.DEBEZIUM_MICRO_TIMESTAMP -> v instanceof Long l ? l : micros(text(v));
            default -> throw new DataException("cannot convert " + v + " to " + target.name());
        };
    }

    private static String text(Object v) {
        return SqlValues.toText(v).trim();
    }

    private static long micros(String text) {
        String t = text.replace(' ', 'T');
        LocalDateTime dt = t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0).atOffset(ZoneOffset.UTC),
                dt.atOffset(ZoneOffset.UTC));
    }

    private static boolean toBoolean(Object v) {
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("t") || t.equals("yes") || t.equals("y")) {
                return true;
            }
            if (t.equals("false") || t.equals("f") || t.equals("no") || t.equals("n")) {
                return false;
            }
        }
        return SqlValues.isTrue(v);
    }

    private static long toLong(Object v, long min, long max, String type) {
        BigDecimal d = toDecimal(v);
        if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
            d = d.setScale(0, RoundingMode.HALF_UP);
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new DataException("value " + v + " does not fit the target type " + type);
        }
        return d.longValueExact();
    }

    private static double toDouble(Object v) {
        return toDecimalOrDouble(v).doubleValue();
    }

    private static BigDecimal toDecimal(Object v) {
        Number n = toDecimalOrDouble(v);
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    private static Number toDecimalOrDouble(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Double d) {
            return d;
        }
        try {
            return new BigDecimal(SqlValues.toText(v).trim());
        } catch (NumberFormatException e) {
            throw new DataException("value '" + v + "' is not a number", e);
        }
    }
}
