package dev.ferry.sink.apply;

import dev.ferry.sink.control.TableStats;
import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.Op;
import dev.ferry.sink.event.ValueDecoder;
import dev.ferry.sink.table.TableHandle;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the changes of one table inside the caller's transaction. */
public final class TableApplier {
    private final Dialect dialect;
    private final BulkLoader bulkLoader;

    public TableApplier(Dialect dialect, BulkLoader bulkLoader) {
        this.dialect = dialect;
        this.bulkLoader = bulkLoader;
    }

    /**
     * Applies the events in order. Truncates split the batch; between them keyed tables are collapsed per key, and
     * keyless tables are applied one change at a time (inserts batched).
     */
    public void apply(Connection c, TableHandle h, List<ChangeEvent> events, TableStats stats, boolean allowBulk)
            throws SQLException {
        List<ChangeEvent> segment = new ArrayList<>();
        for (ChangeEvent e : events) {
            count(e, stats);
            if (e.op() == Op.TRUNCATE) {
                applySegment(c, h, segment, allowBulk);
                segment.clear();
                try (Statement s = c.createStatement()) {
                    s.execute(dialect.truncate(h.id()));
                }
            } else {
                segment.add(e);
            }
        }
        applySegment(c, h, segment, allowBulk);
    }

    private static void count(ChangeEvent e, TableStats stats) {
        stats.sourceTs(e.sourceTsMs());
        switch (e.op()) {
            case READ -> stats.snapshotRow(e.lastSnapshotRow());
            case CREATE -> { stats.inserted(); stats.streamed(); }
            case UPDATE -> { stats.updated(); stats.streamed(); }
            case DELETE -> { stats.deleted(); stats.streamed(); }
            default -> { }
        }
    }

    private void applySegment(Connection c, TableHandle h, List<ChangeEvent> events, boolean allowBulk)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        if (allowBulk && h.bulkEligible() && bulkLoader != null && onlyFullSnapshotRows(events)
                && bulkLoader.accepts(h)) {
            bulkLoader.load(c, h, events);
        } else if (h.keyed()) {
            applyKeyed(c, h, events);
        } else {
            applyKeyless(c, h, events);
        }
    }

    private static boolean onlyFullSnapshotRows(List<ChangeEvent> events) {
        for (ChangeEvent e : events) {
            if (e.op() != Op.READ || e.after().containsValue(ValueDecoder.UNCHANGED)) {
                return false;
            }
        }
        return true;
    }

    private void applyKeyed(Connection c, TableHandle h, List<ChangeEvent> events) throws SQLException {
        KeyedPlan plan = new KeyedPlan(h.keyColumns());
        events.forEach(plan::add);
        List<List<Object>> deletes = new ArrayList<>();
        Map<List<String>, List<List<Object>>> upserts = new LinkedHashMap<>();
        Map<List<String>, List<List<Object>>> partials = new LinkedHashMap<>();
        for (RowOp op : plan.ops()) {
            if (op.kind() == RowOp.Kind.DELETE) {
                deletes.add(op.key());
            } else if (op.kind() == RowOp.Kind.UPSERT) {
                List<String> cols = List.copyOf(op.row().keySet());
                upserts.computeIfAbsent(cols, k -> new ArrayList<>()).add(values(op.row(), cols));
            } else {
                List<String> set = op.row().entrySet().stream().filter(en -> en.getValue() != ValueDecoder.UNCHANGED)
                        .map(Map.Entry::getKey).filter(col -> !h.keyColumns().contains(col)).toList();
                List<Object> vals = values(op.row(), set);
                vals.addAll(op.key());
                partials.computeIfAbsent(set, k -> new ArrayList<>()).add(vals);
            }
        }
        batch(c, h, dialect.deleteByKey(h.id(), h.keyColumns()), h.keyColumns(), deletes);
        for (var en : upserts.entrySet()) {
            batch(c, h, dialect.upsert(h.id(), en.getKey(), h.keyColumns()), en.getKey(), en.getValue());
        }
        for (var en : partials.entrySet()) {
            List<String> cols = new ArrayList<>(en.getKey());
            cols.addAll(h.keyColumns());
            if (!en.getKey().isEmpty()) {
                batch(c, h, dialect.update(h.id(), en.getKey(), h.keyColumns()), cols, en.getValue());
            }
        }
    }

    private void applyKeyless(Connection c, TableHandle h, List<ChangeEvent> events) throws SQLException {
        List<String> insertCols = null;
        List<List<Object>> inserts = new ArrayList<>();
        for (ChangeEvent e : events) {
            if (e.op() == Op.READ || e.op() == Op.CREATE) {
                List<String> cols = List.copyOf(e.after().keySet());
                if (insertCols != null && !insertCols.equals(cols)) {
                    batch(c, h, dialect.insert(h.id(), insertCols), insertCols, inserts);
                    inserts = new ArrayList<>();
                }
                insertCols = cols;
                inserts.add(values(e.after(), cols));
                continue;
            }
            if (insertCols != null) {
                batch(c, h, dialect.insert(h.id(), insertCols), insertCols, inserts);
                inserts = new ArrayList<>();
                insertCols = null;
            }
            changeOneRow(c, h, e);
        }
        if (insertCols != null) {
            batch(c, h, dialect.insert(h.id(), insertCols), insertCols, inserts);
        }
    }

    /** UPDATE or DELETE of exactly one row equal to the before image, so duplicate rows stay right. */
    private void changeOneRow(Connection c, TableHandle h, ChangeEvent e) throws SQLException {
        if (e.before() == null) {
            throw new MissingBeforeImageException("table " + h.id() + " has no primary key and the " + e.op()
                    + " at " + e.coordinates() + " carries no before image; on PostgreSQL set REPLICA IDENTITY FULL "
                    + "on the source table, or add a define-primary-key rule");
        }
        List<String> match = e.before().entrySet().stream().filter(en -> en.getValue() != ValueDecoder.UNCHANGED)
                .map(Map.Entry::getKey).filter(h::hasColumn).toList();
        List<String> cols = new ArrayList<>();
        String sql;
        if (e.op() == Op.DELETE) {
            sql = dialect.deleteOneRow(h.id(), match);
        } else {
            List<String> set = e.after().entrySet().stream().filter(en -> en.getValue() != ValueDecoder.UNCHANGED)
                    .map(Map.Entry::getKey).toList();
            sql = dialect.updateOneRow(h.id(), set, match);
            cols.addAll(set);
        }
        List<Object> vals = e.after() == null || e.op() == Op.DELETE ? new ArrayList<>() : values(e.after(), cols);
        vals.addAll(values(e.before(), match));
        cols.addAll(match);
        batch(c, h, sql, cols, List.of(vals));
    }

    private static List<Object> values(Map<String, Object> row, List<String> cols) {
        List<Object> out = new ArrayList<>(cols.size());
        for (String col : cols) {
            out.add(row.get(col));
        }
        return out;
    }

    private void batch(Connection c, TableHandle h, String sql, List<String> cols, List<List<Object>> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < cols.size(); i++) {
                    Object v = row.get(i);
                    dialect.bind(ps, i + 1, h.type(cols.get(i)), v instanceof ByteBuffer bb ? bb.array() : v);
                }
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    /** A keyless update or delete without a before image cannot find its row. */
    public static final class MissingBeforeImageException extends SQLException {
        public MissingBeforeImageException(String message) {
            super(message, "22000");
        }
    }
}
