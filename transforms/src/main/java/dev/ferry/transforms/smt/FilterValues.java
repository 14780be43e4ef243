package dev.ferry.transforms.smt;

import dev.ferry.transforms.expr.SqlValues;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;

/**
 * Brings filter literals (always written as text in DMS) and column values into one comparable form per column
 * type: integers, decimals and floats as numbers; dates as epoch days; timestamps as the same epoch unit Debezium
 * uses; zoned timestamps as instants; strings as strings (compared by UTF-16 code units, i.e. a binary collation).
 */
final class FilterValues {
    /** How one column's values and literals are normalized. */
    record Domain(Function<Object, Object> value, Function<String, Object> literal) {
    }

    private FilterValues() {
    }

    /** The domain of a column, or {@code null} when Ferry cannot filter on its type. */
    static Domain domain(Schema s) {
        if (s.name() != null) {
            return logicalDomain(s.name());
        }
        return switch (s.type()) {
            case INT8, INT16, INT32, INT64 -> new Domain(v -> ((Number) v).longValue(), FilterValues::number);
            case FLOAT32, FLOAT64 -> new Domain(v -> ((Number) v).doubleValue(), FilterValues::number);
            case BOOLEAN -> new Domain(v -> SqlValues.bool((Boolean) v), FilterValues::bool);
            case STRING -> new Domain(v -> v, t -> t);
            default -> null;
        };
    }

    private static Domain logicalDomain(String name) {
        return switch (name) {
            case Decimal.LOGICAL_NAME -> new Domain(v -> v, FilterValues::number);
            case "io.debezium.time.Date" -> new Domain(v -> ((Number) v).longValue(),
                    t -> LocalDate.parse(t.trim()).toEpochDay());
            case "io.debezium.time.Timestamp" -> new Domain(v -> v, t -> epoch(t, 1_000L));
            case "io.debezium.time.MicroTimestamp" -> new Domain(v -> v, t -> epoch(t, 1_000_000L));
            case "io.debezium.time.NanoTimestamp" -> new Domain(v -> v, t -> epoch(t, 1_000_000_000L));
            case "org.apache.kafka.connect.data.Date", "org.apache.kafka.connect.data.Timestamp" ->
                    new Domain(v -> ((java.util.Date) v).getTime(), t -> epoch(t, 1_000L));
            case "io.debezium.time.ZonedTimestamp" -> new Domain(v -> Instant.parse((String) v),
                    FilterValues::instant);
            case "io.debezium.data.Enum", "io.debezium.data.Json", "io.debezium.data.Uuid" ->
                    new Domain(v -> v, t -> t);
            default -> null;
        };
    }

    private static Object number(String text) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return new BigDecimal(t);
        }
    }

    private static Object bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return SqlValues.bool(t.equals("true") || t.equals("1") || t.equals("t") || t.equals("y"));
    }

    /** A local timestamp literal ({@code 2024-01-31}, {@code 2024-01-31 10:00:00.5}) as epoch units. */
    private static Object epoch(String text, long unitsPerSecond) {
        String t = text.trim().replace(' ', 'T');
        LocalDateTime dt = t.contains("T") ? LocalDateTime.parse(t) : LocalDate.parse(t).atStartOfDay();
        Instant i = dt.toInstant(ZoneOffset.UTC);
        long nanosPerUnit = 1_000_000_000L / unitsPerSecond;
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), unitsPerSecond), i.getNano() / nanosPerUnit);
    }

    private static Object instant(String text) {
        String t = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number || b instanceof Number) {
            return SqlValues.compare(a, b);
        }
        return ((Comparable) a).compareTo(b);
    }
}
