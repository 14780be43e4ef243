package dev.ferry.sink.apply;

import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.event.Values;
import dev.ferry.sink.table.TableHandle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Snapshot rows into an empty PostgreSQL table with {@code COPY ... FROM STDIN} (text format) via pgjdbc. */
public final class PostgresCopyLoader implements BulkLoader {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TSTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");
    private final Dialect dialect;

    public PostgresCopyLoader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void load(Connection c, TableHandle h, List<Map<String, Object>> rows) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        int start = 0;
        while (start < rows.size()) {
            List<String> cols = new ArrayList<>(rows.get(start).keySet());
            int end = start;
            StringBuilder sb = new StringBuilder(rows.size() * 64);
            while (end < rows.size() && rows.get(end).keySet().equals(rows.get(start).keySet())) {
                appendRow(sb, h, cols, rows.get(end));
                end++;
            }
            String sql = "COPY " + dialect.qualified(h.id()) + " ("
                    + cols.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
            try {
                copy.copyIn(sql, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SQLException("COPY into " + h.id() + " failed: " + e.getMessage(), "08000", e);
            }
            start = end;
        }
    }

    private static void appendRow(StringBuilder sb, TableHandle h, List<String> cols, Map<String, Object> row) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = row.get(cols.get(i));
            if (v == null) {
                sb.append("\\N");
            } else {
                escape(sb, text(h.type(cols.get(i)), v));
            }
        }
        sb.append('\n');
    }

    static String text(TargetType t, Object v) {
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        } else if (v instanceof LocalDateTime ldt) {
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
        } else if (v instanceof List<?> l) {
            return l.stream().map(e -> e == null ? "NULL" : "\"" + text(null, e).replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "{", "}"));
        }
        return v.toString();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(ch);
            }
        }
    }
}
