package dev.ferry.sink.apply;

import java.util.List;
import java.util.Map;

/**
 * The final effect of a batch on one key: delete it, write the full row, or update only the columns that were sent
 * (the others are unchanged TOAST values).
 */
record RowOp(Kind kind, List<Object> key, Map<String, Object> row) {
    enum Kind { DELETE, UPSERT, PARTIAL }
}
