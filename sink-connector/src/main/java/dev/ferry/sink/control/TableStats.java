package dev.ferry.sink.control;

import java.time.Instant;

/**
 * Statistics and state of one table, as persisted in {@code ferry_table_state}. Mutable, but the flush works on a
 * {@link #copy()} and only publishes it after the commit, so a rolled-back flush never counts.
 */
public final class TableStats {
    public static final String BEFORE_LOAD = "before-load";
    public static final String FULL_LOAD = "full-load";
    public static final String COMPLETED = "completed";
    public static final String CDC = "cdc";
    public static final String ERROR = "table-error";

    String state = BEFORE_LOAD;
    long fullLoadRows;
    Instant fullLoadStart;
    Instant fullLoadEnd;
    long inserts;
    long updates;
    long deletes;
    long ddls;
    Long lastSourceTsMs;
    String error;
    boolean persisted;

    public TableStats copy() {
        TableStats c = new TableStats();
        c.state = state;
        c.fullLoadRows = fullLoadRows;
        c.fullLoadStart = fullLoadStart;
        c.fullLoadEnd = fullLoadEnd;
        c.inserts = inserts;
        c.updates = updates;
        c.deletes = deletes;
        c.ddls = ddls;
        c.lastSourceTsMs = lastSourceTsMs;
        c.error = error;
        c.persisted = persisted;
        return c;
    }

    public void snapshotRow(boolean last) {
        if (fullLoadStart == null) {
            fullLoadStart = Instant.now();
        }
        fullLoadRows++;
        if (last) {
            fullLoadEnd = Instant.now();
            state = COMPLETED;
        } else if (!ERROR.equals(state) && !COMPLETED.equals(state)) {
            state = FULL_LOAD;
        }
    }

    public void streamed() {
        if (BEFORE_LOAD.equals(state)) {
            state = CDC;
        }
    }

    public void inserted() { inserts++; }
    public void updated() { updates++; }
    public void deleted() { deletes++; }
    public void ddl() { ddls++; }

    public void sourceTs(Long ts) {
        if (ts != null && (lastSourceTsMs == null || ts > lastSourceTsMs)) {
            lastSourceTsMs = ts;
        }
    }

    public void fail(String reason) {
        state = ERROR;
        error = reason;
    }

    public String state() { return state; }
    public long fullLoadRows() { return fullLoadRows; }
    public Instant fullLoadStart() { return fullLoadStart; }
    public Instant fullLoadEnd() { return fullLoadEnd; }
    public long inserts() { return inserts; }
    public long updates() { return updates; }
    public long deletes() { return deletes; }
    public long ddls() { return ddls; }
    public Long lastSourceTsMs() { return lastSourceTsMs; }
    public String error() { return error; }
    public boolean persisted() { return persisted; }
}
