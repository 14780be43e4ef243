package dev.ferry.sink.apply;

import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.dialect.TargetType.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.postgresql.util.ByteConverter;

/**
 * Writes rows in PostgreSQL's binary COPY format into a reusable byte buffer. The server then parses no text at all
 * (no numeric, date or timestamp parsing), which is most of a text COPY's cost. Only the column types below have a
 * binary encoder; a table with any other column type, or a value of an unexpected Java type, uses the text format.
 */
final class CopyBinaryEncoder {
    static final Set<Kind> KINDS = EnumSet.of(Kind.BOOLEAN, Kind.INT16, Kind.INT32, Kind.INT64, Kind.YEAR,
            Kind.FLOAT32, Kind.FLOAT64, Kind.DECIMAL, Kind.CHAR, Kind.VARCHAR, Kind.TEXT, Kind.ENUM, Kind.BYTES,
            Kind.DATE, Kind.TIMESTAMP, Kind.TIMESTAMPTZ);
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds and days since 1970-01-01. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final long PG_EPOCH_DAYS = 10_957L;
    private byte[] buf = new byte[1 << 17];
    private int pos;

    /** Whether every column has a binary encoder (the text format is used otherwise). */
    static boolean supports(TargetType[] types) {
        for (TargetType t : types) {
            if (t == null || !KINDS.contains(t.kind())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a non-null value has the Java type the binary encoder of its column expects. */
    static boolean accepts(TargetType t, Object v) {
        switch (t.kind()) {
            case BOOLEAN: return v instanceof Boolean;
            case INT16, YEAR: return isInteger(v) && fits(((Number) v).longValue(), Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32: return isInteger(v) && fits(((Number) v).longValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64: return isInteger(v);
            case FLOAT32, FLOAT64: return v instanceof Double || v instanceof Float;
            case DECIMAL: return v instanceof BigDecimal;
            case CHAR, VARCHAR, TEXT, ENUM: return v instanceof String;
            case BYTES: return v instanceof byte[];
            case DATE: return v instanceof LocalDate;
            case TIMESTAMP: return v instanceof LocalDateTime;
            case TIMESTAMPTZ: return v instanceof OffsetDateTime;
            default: return false;
        }
    }

    private static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    /** A value outside the column's range must fail in the server, never wrap around in the encoder. */
    private static boolean fits(long v, long min, long max) {
        return v >= min && v <= max;
    }

    byte[] buffer() {
        return buf;
    }

    int size() {
        return pos;
    }

    void reset() {
        pos = 0;
    }

    void header() {
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, buf, pos, HEADER.length);
        pos += HEADER.length;
    }

    void trailer() {
        int16(-1);
    }

    void startRow(int fields) {
        int16(fields);
    }

    void value(TargetType t, Object v) {
        if (v == null) {
            int32(-1);
            return;
        }
        switch (t.kind()) {
            case BOOLEAN -> { int32(1); put((Boolean) v ? (byte) 1 : (byte) 0); }
            case INT16, YEAR -> { int32(2); int16(((Number) v).intValue()); }
            case INT32 -> { int32(4); int32(((Number) v).intValue()); }
            case INT64 -> { int32(8); int64(((Number) v).longValue()); }
            case FLOAT32 -> { int32(4); int32(Float.floatToRawIntBits(((Number) v).floatValue())); }
            case FLOAT64 -> { int32(8); int64(Double.doubleToRawLongBits(((Number) v).doubleValue())); }
            case DECIMAL -> bytes(ByteConverter.numeric((BigDecimal) v));
            case CHAR, VARCHAR, TEXT, ENUM -> string((String) v);
            case BYTES -> bytes((byte[]) v);
            case DATE -> { int32(4); int32((int) (((LocalDate) v).toEpochDay() - PG_EPOCH_DAYS)); }
            case TIMESTAMP -> { int32(8); int64(micros(((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC), ((LocalDateTime) v).getNano())); }
            case TIMESTAMPTZ -> { int32(8); int64(micros(((OffsetDateTime) v).toEpochSecond(), ((OffsetDateTime) v).getNano())); }
            default -> throw new IllegalArgumentException("no binary COPY encoder for " + t.kind());
        }
    }

    private static long micros(long epochSecond, int nano) {
        return (epochSecond - PG_EPOCH_SECONDS) * 1_000_000L + nano / 1000;
    }

    private void string(String s) {
        int n = s.length();
        ensure(4 + n);
        int lengthAt = pos;
        pos += 4;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                pos = lengthAt;
                bytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buf[pos++] = (byte) ch;
        }
        writeInt(lengthAt, n);
    }

    private void bytes(byte[] b) {
        int32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void int16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        writeInt(pos, v);
        pos += 4;
    }

    private void writeInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void int64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
