package dev.ferry.sink.apply;

import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.event.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rows in PostgreSQL's COPY text format straight into a reusable byte buffer: numbers, dates and timestamps
 * are formatted digit by digit, strings are UTF-8 encoded and escaped in one pass, nothing goes through a
 * {@code String} per row. The caller drains the buffer into the COPY stream whenever {@link #size()} is large enough.
 */
final class CopyTextEncoder {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TSTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");
    private static final byte[] NULL = {'\\', 'N'};
    private byte[] buf = new byte[1 << 17];
    private int pos;

    byte[] buffer() {
        return buf;
    }

    int size() {
        return pos;
    }

    void reset() {
        pos = 0;
    }

    void separator() {
        put((byte) '\t');
    }

    void endRow() {
        put((byte) '\n');
    }

    /** One value of a column of type {@code t} (may be null for array elements). */
    void value(TargetType t, Object v) {
        if (v == null) {
            ensure(2);
            buf[pos++] = NULL[0];
            buf[pos++] = NULL[1];
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof Short s) {
            integer(s);
        } else if (v instanceof Byte b) {
            integer(b);
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            put(b ? (byte) 't' : (byte) 'f');
        } else if (v instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (v instanceof LocalDateTime ldt && ldt.getYear() >= 1 && ldt.getYear() <= 9999) {
            timestamp(ldt);
        } else if (v instanceof LocalDate d && d.getYear() >= 1 && d.getYear() <= 9999) {
            date(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        } else if (v instanceof byte[] b) {
            bytea(b);
        } else {
            string(text(t, v));
        }
    }

    /** Text of the less common values; escaped by the caller. */
    static String text(TargetType t, Object v) {
        if (v instanceof LocalDateTime ldt) {
            return TS.format(ldt);
        } else if (v instanceof OffsetDateTime odt) {
            return TSTZ.format(odt);
        } else if (v instanceof Values.Micros m) {
            return t != null && t.kind() == TargetType.Kind.TIME_OF_DAY
                    ? LocalTime.ofNanoOfDay(m.micros() * 1000L).toString() : m.toPostgresInterval();
        } else if (v instanceof Values.JsonText j) {
            return j.json();
        } else if (v instanceof Values.IsoInterval iv) {
            return iv.iso();
        } else if (v instanceof Values.BitString b) {
            return b.bits();
        } else if (v instanceof Boolean b) {
            return b ? "t" : "f";
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        } else if (v instanceof List<?> l) {
            return l.stream().map(e -> e == null ? "NULL" : "\"" + text(null, e).replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "{", "}"));
        }
        return v.toString();
    }

    private void integer(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += digits;
    }

    private void timestamp(LocalDateTime t) {
        date(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        ensure(16);
        buf[pos++] = ' ';
        two(t.getHour());
        buf[pos++] = ':';
        two(t.getMinute());
        buf[pos++] = ':';
        two(t.getSecond());
        int micros = t.getNano() / 1000;
        buf[pos++] = '.';
        for (int i = pos + 5; i >= pos; i--) {
            buf[i] = (byte) ('0' + micros % 10);
            micros /= 10;
        }
        pos += 6;
    }

    private void date(int year, int month, int day) {
        ensure(10);
        two(year / 100);
        two(year % 100);
        buf[pos++] = '-';
        two(month);
        buf[pos++] = '-';
        two(day);
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    /** bytea hex form; the backslash is escaped for COPY: {@code \\x0aff}. */
    private void bytea(byte[] b) {
        ensure(3 + 2 * b.length);
        buf[pos++] = '\\';
        buf[pos++] = '\\';
        buf[pos++] = 'x';
        for (byte x : b) {
            buf[pos++] = (byte) Character.forDigit((x >> 4) & 0xf, 16);
            buf[pos++] = (byte) Character.forDigit(x & 0xf, 16);
        }
    }

    /** A string known to need no escaping and to be ASCII (numbers). */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** UTF-8 with COPY escapes; escaped bytes are ASCII, so escaping bytes of a UTF-8 encoding is safe. */
    private void string(String s) {
        int n = s.length();
        ensure(2 * n);
        int start = pos;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                pos = start;
                escaped(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            escape((byte) ch);
        }
    }

    private void escaped(byte[] bytes) {
        ensure(2 * bytes.length);
        for (byte b : bytes) {
            escape(b);
        }
    }

    private void escape(byte b) {
        switch (b) {
            case '\\' -> { buf[pos++] = '\\'; buf[pos++] = '\\'; }
            case '\n' -> { buf[pos++] = '\\'; buf[pos++] = 'n'; }
            case '\r' -> { buf[pos++] = '\\'; buf[pos++] = 'r'; }
            case '\t' -> { buf[pos++] = '\\'; buf[pos++] = 't'; }
            default -> buf[pos++] = b;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
