package dev.ferry.runtime.migrate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a task already did, kept across runs: whether the full-load signal was sent, and per source table the data
 * topic's end offset recorded when the source reported the table's snapshot done, and whether the sink had applied
 * up to it (the table is then completed and never read again).
 */
public final class RunState {
    private boolean signalSent;
    private String failure;
    private final Map<String, Long> scanCompletedAt = new TreeMap<>();
    private final Map<String, Boolean> completed = new TreeMap<>();

    public boolean signalSent() {
        return signalSent;
    }

    public void signalSent(boolean sent) {
        this.signalSent = sent;
    }

    /** Why the last run failed (a connector or table), or null; cleared when the task starts again. */
    public String failure() {
        return failure;
    }

    public void failure(String reason) {
        this.failure = reason;
    }

    public Map<String, Long> scanCompletedAt() {
        return scanCompletedAt;
    }

    public boolean isCompleted(String sourceTable) {
        return completed.getOrDefault(sourceTable, false);
    }

    public void complete(String sourceTable) {
        completed.put(sourceTable, true);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signal-sent", signalSent);
        m.put("scan-completed-at", scanCompletedAt);
        m.put("completed", completed);
        if (failure != null) {
            m.put("failure", failure);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static RunState from(Map<String, Object> m) {
        RunState s = new RunState();
        s.signalSent = Boolean.TRUE.equals(m.get("signal-sent"));
        s.failure = m.get("failure") == null ? null : String.valueOf(m.get("failure"));
        Map<String, Object> at = (Map<String, Object>) m.getOrDefault("scan-completed-at", Map.of());
        at.forEach((k, v) -> s.scanCompletedAt.put(k, ((Number) v).longValue()));
        Map<String, Object> done = (Map<String, Object>) m.getOrDefault("completed", Map.of());
        done.forEach((k, v) -> s.completed.put(k, Boolean.TRUE.equals(v)));
        return s;
    }
}
