package dev.ferry.sink.apply;

import dev.ferry.sink.dialect.MySqlDialect;
import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.RowImage;
import dev.ferry.sink.table.TableHandle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Snapshot rows into an empty MySQL/MariaDB table with {@code LOAD DATA LOCAL INFILE}, fed from memory through the
 * driver ({@code allowLocalInfile=true} / {@code allowLoadLocalInfile=true}, set by {@link Target}), inside the flush
 * transaction. LOCAL behaves like IGNORE: a duplicate key or a value the column cannot hold becomes a warning, not an
 * error. So any warning, or a row count that differs, fails the load: the flush rolls back and replays the rows one by
 * one, where the offending row meets the error policy.
 */
public final class MySqlLoadDataLoader implements BulkLoader {
    private final MySqlDialect dialect;
    private byte[] buf = new byte[1 << 17];
    private int pos;

    public MySqlLoadDataLoader(MySqlDialect dialect) {
        this.dialect = dialect;
    }

    /** BIT columns need an expression in LOAD DATA; those tables are upserted. */
    @Override
    public boolean accepts(TableHandle table) {
        return table.types().stream().noneMatch(t -> t.kind() == TargetType.Kind.BITS);
    }

    @Override
    public void load(Connection c, TableHandle h, List<ChangeEvent> events) throws SQLException {
        int start = 0;
        while (start < events.size()) {
            Map<String, Object> first = events.get(start).after();
            List<String> cols = first instanceof RowImage ri ? ri.names().list() : new ArrayList<>(first.keySet());
            int end = start;
            while (end < events.size() && cols.equals(columns(events.get(end).after()))) {
                end++;
            }
            load(c, h, cols, events.subList(start, end));
            start = end;
        }
    }

    private static List<String> columns(Map<String, Object> row) {
        return row instanceof RowImage ri ? ri.names().list() : new ArrayList<>(row.keySet());
    }

    private void load(Connection c, TableHandle h, List<String> cols, List<ChangeEvent> rows) throws SQLException {
        TargetType[] types = cols.stream().map(h::type).toArray(TargetType[]::new);
        pos = 0;
        for (ChangeEvent e : rows) {
            Map<String, Object> row = e.after();
            for (int i = 0; i < types.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                value(types[i], row instanceof RowImage ri ? ri.value(i) : row.get(cols.get(i)));
            }
            put((byte) '\n');
        }
        String sql = "LOAD DATA LOCAL INFILE 'ferry-snapshot.tsv' INTO TABLE " + dialect.qualified(h.id())
                + " CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + cols.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ")";
        try (Statement s = c.createStatement()) {
            dialect.setLocalInfile(s, new ByteArrayInputStream(buf, 0, pos));
            long loaded = s.executeLargeUpdate(sql);
            SQLWarning warning = s.getWarnings();
            if (warning != null || loaded != rows.size()) {
                throw new SQLException("LOAD DATA into " + h.id() + " loaded " + loaded + " of " + rows.size()
                        + " rows" + (warning == null ? "" : " with warnings: " + warning.getMessage()), "HY000");
            }
        } finally {
            if (buf.length > (1 << 22)) {
                buf = new byte[1 << 17];
            }
        }
    }

    private void value(TargetType t, Object v) {
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (v instanceof byte[] b) {
            escaped(b);
        } else if (v instanceof Boolean b) {
            put(b ? (byte) '1' : (byte) '0');
        } else if (v instanceof String s) {
            escaped(s.getBytes(StandardCharsets.UTF_8));
        } else {
            escaped(dialect.text(t, v).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** LOAD DATA escapes; the escaped bytes are ASCII, so escaping the bytes of a UTF-8 encoding is safe. */
    private void escaped(byte[] bytes) {
        ensure(2 * bytes.length);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> { buf[pos++] = '\\'; buf[pos++] = '\\'; }
                case '\n' -> { buf[pos++] = '\\'; buf[pos++] = 'n'; }
                case '\r' -> { buf[pos++] = '\\'; buf[pos++] = 'r'; }
                case '\t' -> { buf[pos++] = '\\'; buf[pos++] = 't'; }
                case 0 -> { buf[pos++] = '\\'; buf[pos++] = '0'; }
                default -> buf[pos++] = b;
            }
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
