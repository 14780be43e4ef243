package dev.ferry.source.debezium;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tuning and environment choices for one source connector.
 *
 * @param heartbeatInterval Debezium heartbeat interval (default 1 s): keeps offsets moving on a quiet source and
 *        bounds how long a signal waits for the next source event
 * @param offsetFlushInterval recommended worker {@code offset.flush.interval.ms} (default 2 s); a worker setting,
 *        not part of the connector config, exposed by {@link DebeziumConfigCompiler#workerRecommendations}
 * @param chunkSize incremental snapshot chunk size (default 10,000; at least 1,000)
 * @param heartbeatTable PostgreSQL only: a qualified table ({@code schema.table}) the task may write to, with
 *        columns {@code task text primary key, beat timestamptz}; null = never write to the source
 * @param passwordFile where the runtime wrote a plain-text source password (a properties file, key
 *        {@link DebeziumConfigCompiler#PASSWORD_FILE_KEY}); used only when the endpoint's password is not already a
 *        {@code ${...}} reference; null = a plain-text password is an error
 * @param exactlyOnce true (default): {@code exactly.once.support=required}; false only for a standalone worker,
 *        which has no exactly-once source support
 */
public record SourceOptions(Duration heartbeatInterval, Duration offsetFlushInterval, int chunkSize,
                            String heartbeatTable, Path passwordFile, boolean exactlyOnce) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_OFFSET_FLUSH = Duration.ofSeconds(2);
    public static final int DEFAULT_CHUNK_SIZE = 10_000;
    public static final int MIN_CHUNK_SIZE = 1_000;

    public SourceOptions {
        heartbeatInterval = heartbeatInterval == null ? DEFAULT_HEARTBEAT : heartbeatInterval;
        offsetFlushInterval = offsetFlushInterval == null ? DEFAULT_OFFSET_FLUSH : offsetFlushInterval;
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, was " + heartbeatInterval);
        }
        if (offsetFlushInterval.isNegative() || offsetFlushInterval.isZero()) {
            throw new IllegalArgumentException("offset flush interval must be positive, was " + offsetFlushInterval);
        }
        if (chunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is below " + MIN_CHUNK_SIZE);
        }
        if (heartbeatTable != null && !heartbeatTable.matches("[A-Za-z_][A-Za-z0-9_$]*\\.[A-Za-z_][A-Za-z0-9_$]*")) {
            throw new IllegalArgumentException("heartbeat table '" + heartbeatTable
                    + "' must be a plain qualified name schema.table");
        }
    }

    public static SourceOptions defaults() {
        return new SourceOptions(null, null, DEFAULT_CHUNK_SIZE, null, null, true);
    }

    public SourceOptions withHeartbeatTable(String table) {
        return new SourceOptions(heartbeatInterval, offsetFlushInterval, chunkSize, table, passwordFile, exactlyOnce);
    }

    public SourceOptions withPasswordFile(Path file) {
        return new SourceOptions(heartbeatInterval, offsetFlushInterval, chunkSize, heartbeatTable, file, exactlyOnce);
    }

    public SourceOptions withChunkSize(int size) {
        return new SourceOptions(heartbeatInterval, offsetFlushInterval, size, heartbeatTable, passwordFile, exactlyOnce);
    }

    public SourceOptions withExactlyOnce(boolean required) {
        return new SourceOptions(heartbeatInterval, offsetFlushInterval, chunkSize, heartbeatTable, passwordFile,
                required);
    }
}
