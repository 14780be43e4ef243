package dev.ferry.source.converter;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts zero dates ({@code 0000-00-00…}) turned into null, per column, for the whole JVM. The first zero date of a
 * column is logged once; rows are never logged one by one.
 */
public final class ZeroDateCounter {
    private static final Logger LOG = LoggerFactory.getLogger(ZeroDateCounter.class);
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private ZeroDateCounter() {
    }

    /** Records one zero date in {@code column} ({@code db.table.column}). */
    static void record(String column) {
        LongAdder[] created = new LongAdder[1];
        LongAdder count = COUNTS.computeIfAbsent(column, k -> created[0] = new LongAdder());
        count.increment();
        if (created[0] == count) {
            LOG.info("Zero date found in {}: it is emitted as null (the column is made optional); further zero dates"
                    + " in this column are only counted", column);
        }
    }

    /** Zero dates seen so far, by {@code db.table.column}. */
    public static Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        COUNTS.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public static long count(String column) {
        LongAdder a = COUNTS.get(column);
        return a == null ? 0 : a.sum();
    }
}
