package dev.ferry.sink.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns a Connect value plus its schema into a dialect-neutral Java value. Time values without a zone are computed in
 * UTC, never in the JVM zone: {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime}, {@code OffsetDateTime},
 * {@link Values.Micros}, {@code BigDecimal}, {@code byte[]}, {@link Values.JsonText}, {@link Values.IsoInterval},
 * {@link Values.BitString}, {@code List} (arrays and EnumSet), or the boxed primitive.
 */
public final class ValueDecoder {
    /** Marker for a value the source did not send (equal to {@code unavailable.value.placeholder}). */
    public static final Object UNCHANGED = new Object() {
        @Override
        public String toString() {
            return "<unchanged>";
        }
    };

    private final String placeholder;
    private final byte[] placeholderBytes;

    public ValueDecoder(String placeholder) {
        this.placeholder = placeholder;
        this.placeholderBytes = placeholder.getBytes(StandardCharsets.UTF_8);
    }

    public Object decode(Schema schema, Object raw) {
        if (raw == null) {
            return null;
        }
        if (isPlaceholder(raw)) {
            return UNCHANGED;
        }
        String logical = schema.name();
        if (logical != null) {
            Object v = decodeLogical(logical, schema, raw);
            if (v != NOT_LOGICAL) {
                return v;
            }
        }
        return decodePlain(schema, raw);
    }

    private boolean isPlaceholder(Object raw) {
        if (raw instanceof String s) {
            return s.equals(placeholder);
        }
        if (raw instanceof byte[] b) {
            return Arrays.equals(b, placeholderBytes);
        }
        if (raw instanceof List<?> l) {
            return l.size() == 1 && isPlaceholder(l.get(0));
        }
        return false;
    }

    private static final Object NOT_LOGICAL = new Object();

    private Object decodeLogical(String logical, Schema schema, Object raw) {
        switch (logical) {
            case "io.debezium.time.Date": return LocalDate.ofEpochDay(((Number) raw).longValue());
            case "org.apache.kafka.connect.data.Date": return LocalDate.ofInstant(((java.util.Date) raw).toInstant(), ZoneOffset.UTC);
            case "io.debezium.time.Timestamp": return utc(Math.floorDiv(((Number) raw).longValue(), 1000L),
                    Math.floorMod(((Number) raw).longValue(), 1000L) * 1_000_000L);
            case "org.apache.kafka.connect.data.Timestamp": return LocalDateTime.ofInstant(((java.util.Date) raw).toInstant(), ZoneOffset.UTC);
            case "io.debezium.time.MicroTimestamp": return utc(Math.floorDiv(((Number) raw).longValue(), 1_000_000L),
                    Math.floorMod(((Number) raw).longValue(), 1_000_000L) * 1000L);
            case "io.debezium.time.NanoTimestamp": return utc(Math.floorDiv(((Number) raw).longValue(), 1_000_000_000L),
                    Math.floorMod(((Number) raw).longValue(), 1_000_000_000L));
            case "io.debezium.time.ZonedTimestamp": return OffsetDateTime.parse((String) raw);
            case "io.debezium.time.Time": return new Values.Micros(((Number) raw).longValue() * 1000L);
            case "io.debezium.time.MicroTime", "io.debezium.time.MicroDuration": return new Values.Micros(((Number) raw).longValue());
            case "io.debezium.time.NanoTime": return new Values.Micros(((Number) raw).longValue() / 1000L);
            case "org.apache.kafka.connect.data.Time": return LocalTime.ofNanoOfDay(((java.util.Date) raw).getTime() * 1_000_000L);
            case "io.debezium.time.Interval": return new Values.IsoInterval((String) raw);
            case "org.apache.kafka.connect.data.Decimal": return decimal(schema, raw);
            case "io.debezium.data.VariableScaleDecimal": return variableScale((Struct) raw);
            case "io.debezium.data.Json": return new Values.JsonText((String) raw);
            case "io.debezium.data.EnumSet": return enumSet((String) raw);
            case "io.debezium.data.Bits": return bits(schema, raw);
            case "io.debezium.data.geometry.Geometry", "io.debezium.data.geometry.Geography",
                 "io.debezium.data.geometry.Point": return bytes(((Struct) raw).get("wkb"));
            default: return NOT_LOGICAL;
        }
    }

    private static LocalDateTime utc(long epochSecond, long nanos) {
        return LocalDateTime.ofEpochSecond(epochSecond, (int) nanos, ZoneOffset.UTC);
    }

    private static BigDecimal decimal(Schema schema, Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        return Decimal.toLogical(schema, bytes(raw));
    }

    private static BigDecimal variableScale(Struct s) {
        int scale = s.getInt32("scale");
        return new BigDecimal(new BigInteger(bytes(s.get("value"))), scale);
    }

    private static List<String> enumSet(String raw) {
        return raw.isEmpty() ? List.of() : List.of(raw.split(",", -1));
    }

    /** Debezium Bits: bytes little-endian (byte 0 holds bits 0..7), parameter {@code length} = number of bits. */
    private static Object bits(Schema schema, Object raw) {
        if (raw instanceof Boolean) {
            return raw;
        }
        byte[] b = bytes(raw);
        String lengthParam = schema.parameters() == null ? null : schema.parameters().get("length");
        int n = lengthParam == null ? b.length * 8 : Integer.parseInt(lengthParam);
        StringBuilder sb = new StringBuilder(n);
        for (int i = n - 1; i >= 0; i--) {
            int byteIndex = i / 8;
            boolean set = byteIndex < b.length && (b[byteIndex] & (1 << (i % 8))) != 0;
            sb.append(set ? '1' : '0');
        }
        return new Values.BitString(sb.toString());
    }

    private Object decodePlain(Schema schema, Object raw) {
        switch (schema.type()) {
            case BYTES: return bytes(raw);
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object o : (List<?>) raw) {
                    out.add(decode(schema.valueSchema(), o));
                }
                return out;
            }
            default: return raw;
        }
    }

    static byte[] bytes(Object raw) {
        if (raw instanceof byte[] b) {
            return b;
        }
        if (raw instanceof ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return b;
        }
        throw new IllegalArgumentException("expected bytes but got " + raw.getClass().getSimpleName());
    }
}
