package dev.ferry.sink.apply;

import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.Op;
import dev.ferry.sink.event.ValueDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses the changes of a keyed table (no truncate inside) to the last state of each key. Each key ends with
 * exactly one operation, so deletes can run before writes without breaking order. A primary-key change (update
 * whose before key differs) becomes a delete of the old key plus a write of the new one. A partial row (unchanged
 * TOAST columns) is completed from an earlier full row of the same key in the batch when there is one.
 */
final class KeyedPlan {
    private final List<String> keyColumns;
    private final Map<List<Object>, RowOp> byKey = new LinkedHashMap<>();

    KeyedPlan(List<String> keyColumns) {
        this.keyColumns = keyColumns;
    }

    void add(ChangeEvent e) {
        if (e.op() == Op.DELETE) {
            List<Object> key = key(e.before());
            put(new RowOp(RowOp.Kind.DELETE, key, null));
            return;
        }
        List<Object> key = key(e.after());
        if (e.op() == Op.UPDATE && e.before() != null) {
            List<Object> oldKey = key(e.before());
            if (!oldKey.equals(key) && !oldKey.contains(ValueDecoder.UNCHANGED) && !oldKey.contains(null)) {
                put(new RowOp(RowOp.Kind.DELETE, oldKey, null));
            }
        }
        if (!e.after().containsValue(ValueDecoder.UNCHANGED)) {
            put(new RowOp(RowOp.Kind.UPSERT, key, e.after()));
            return;
        }
        RowOp previous = byKey.get(key);
        if (previous != null && previous.kind() == RowOp.Kind.UPSERT) {
            Map<String, Object> merged = new LinkedHashMap<>(e.after());
            merged.replaceAll((col, v) -> v == ValueDecoder.UNCHANGED ? previous.row().get(col) : v);
            put(new RowOp(RowOp.Kind.UPSERT, key, merged));
        } else {
            put(new RowOp(RowOp.Kind.PARTIAL, key, e.after()));
        }
    }

    private void put(RowOp op) {
        byKey.remove(op.key());
        byKey.put(op.key(), op);
    }

    List<Object> key(Map<String, Object> image) {
        if (image == null) {
            throw new IllegalArgumentException("the change has no row image to take the key from");
        }
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (String k : keyColumns) {
            Object v = image.get(k);
            key.add(v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
        }
        return key;
    }

    Collection<RowOp> ops() {
        return byKey.values();
    }
}
