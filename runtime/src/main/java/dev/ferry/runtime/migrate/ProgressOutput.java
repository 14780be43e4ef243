package dev.ferry.runtime.migrate;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * stdout of {@code ferry migrate}: lines for people, or with {@code --json} one JSON object per line, version 1
 * (brief §3: fields may be added, never renamed or removed).
 */
public final class ProgressOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;
    private final String task;
    private final Clock clock;

    public ProgressOutput(PrintWriter out, boolean json, String task, Clock clock) {
        this.out = out;
        this.json = json;
        this.task = task;
        this.clock = clock;
    }

    public void task(String state, String reason) {
        if (json) {
            Map<String, Object> m = base("task");
            m.put("state", state);
            m.put("reason", reason);
            emit(m);
        } else {
            out.println(time() + " task " + task + ": " + state + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    public void table(TableStatus t) {
        if (json) {
            Map<String, Object> m = base("table");
            m.put("source", t.source());
            m.put("target", t.target());
            m.put("state", t.state());
            m.put("rows", t.rows());
            m.put("estimated", t.estimated());
            m.put("error", t.error());
            emit(m);
        } else {
            String rows = t.estimated() > 0 ? t.rows() + "/~" + t.estimated() : String.valueOf(t.rows());
            out.printf("%s   %-36s -> %-36s %-12s %s rows%s%n", time(), t.source(), t.target(), t.state(), rows,
                    t.error() == null ? "" : "  " + t.error());
        }
    }

    public void fullLoadCompleted() {
        if (json) {
            emit(base("full-load-completed"));
        } else {
            out.println(time() + " full load completed");
        }
    }

    public void stats(long latencySourceMs, long latencyTargetMs, long pending) {
        if (json) {
            Map<String, Object> m = base("stats");
            m.put("latency-source-ms", latencySourceMs);
            m.put("latency-target-ms", latencyTargetMs);
            m.put("pending-changes", pending);
            emit(m);
        } else {
            out.printf("%s CDC latency: source %d ms, target %d ms; %d changes pending%n", time(), latencySourceMs,
                    latencyTargetMs, pending);
        }
    }

    private Map<String, Object> base(String event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("ts", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("task", task);
        m.put("event", event);
        return m;
    }

    private void emit(Map<String, Object> m) {
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String time() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString().substring(11, 19);
    }
}
