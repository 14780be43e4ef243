package dev.ferry.sink.apply;

import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.RowImage;
import dev.ferry.sink.table.TableHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Snapshot rows into an empty PostgreSQL table with {@code COPY ... FROM STDIN} via pgjdbc: binary format when every
 * column has a binary encoder ({@link CopyBinaryEncoder}), else text ({@link CopyTextEncoder}). Rows are encoded into a
 * byte buffer that is streamed to the server every {@value #CHUNK} bytes, so the server parses one
 * chunk while the next is encoded.
 */
public final class PostgresCopyLoader implements BulkLoader {
    static final int CHUNK = 1 << 16;
    private final Dialect dialect;
    private final CopyTextEncoder text = new CopyTextEncoder();
    private final CopyBinaryEncoder binary = new CopyBinaryEncoder();

    public PostgresCopyLoader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void load(Connection c, TableHandle h, List<ChangeEvent> events) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        int start = 0;
        while (start < events.size()) {
            Map<String, Object> first = events.get(start).after();
            List<String> cols = first instanceof RowImage ri ? ri.names().list() : new ArrayList<>(first.keySet());
            int end = start;
            while (end < events.size() && sameColumns(first, events.get(end).after())) {
                end++;
            }
            copy(copy, h, cols, events.subList(start, end));
            start = end;
        }
    }

    private static boolean sameColumns(Map<String, Object> a, Map<String, Object> b) {
        if (a instanceof RowImage x && b instanceof RowImage y && x.names() == y.names()) {
            return true;
        }
        return a.keySet().equals(b.keySet()) && List.copyOf(a.keySet()).equals(List.copyOf(b.keySet()));
    }

    private void copy(CopyManager copy, TableHandle h, List<String> cols, List<ChangeEvent> rows) throws SQLException {
        TargetType[] types = new TargetType[cols.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = h.type(cols.get(i));
        }
        boolean binary = binaryFits(rows, cols, types);
        String sql = "COPY " + dialect.qualified(h.id()) + " ("
                + cols.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") FROM STDIN"
                + (binary ? " (FORMAT binary)" : "");
        CopyIn in = copy.copyIn(sql);
        try {
            text.reset();
            this.binary.reset();
            if (binary) {
                this.binary.header();
            }
            for (ChangeEvent e : rows) {
                if (binary) {
                    encodeBinary(e.after(), cols, types);
                } else {
                    encodeText(e.after(), cols, types);
                }
                drain(in, binary, CHUNK);
            }
            if (binary) {
                this.binary.trailer();
            }
            drain(in, binary, 1);
            in.endCopy();
        } finally {
            text.reset();
            this.binary.reset();
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void drain(CopyIn in, boolean isBinary, int atLeast) throws SQLException {
        int size = isBinary ? binary.size() : text.size();
        if (size >= atLeast) {
            in.writeToCopy(isBinary ? binary.buffer() : text.buffer(), 0, size);
            if (isBinary) {
                binary.reset();
            } else {
                text.reset();
            }
        }
    }

    /** Binary when every column type and every value has a binary text. */
    private static boolean binaryFits(List<ChangeEvent> rows, List<String> cols, TargetType[] types) {
        if (!CopyBinaryEncoder.supports(types)) {
            return false;
        }
        for (ChangeEvent e : rows) {
            Map<String, Object> row = e.after();
            for (int i = 0; i < types.length; i++) {
                Object v = row instanceof RowImage ri ? ri.value(i) : row.get(cols.get(i));
                if (v != null && !CopyBinaryEncoder.accepts(types[i], v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void encodeBinary(Map<String, Object> row, List<String> cols, TargetType[] types) {
        binary.startRow(types.length);
        for (int i = 0; i < types.length; i++) {
            binary.value(types[i], row instanceof RowImage ri ? ri.value(i) : row.get(cols.get(i)));
        }
    }

    private void encodeText(Map<String, Object> row, List<String> cols, TargetType[] types) {
        if (row instanceof RowImage ri) {
            for (int i = 0; i < types.length; i++) {
                if (i > 0) {
                    text.separator();
                }
                text.value(types[i], ri.value(i));
            }
        } else {
            for (int i = 0; i < types.length; i++) {
                if (i > 0) {
                    text.separator();
                }
                text.value(types[i], row.get(cols.get(i)));
            }
        }
        text.endRow();
    }
}
