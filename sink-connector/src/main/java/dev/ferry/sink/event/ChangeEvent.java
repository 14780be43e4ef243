package dev.ferry.sink.event;

import java.util.List;
import java.util.Map;

/**
 * One decoded change, immutable. Row images map column name to a decoded value (see {@link ValueDecoder});
 * {@link ValueDecoder#UNCHANGED} marks a column the source did not send (PostgreSQL TOAST).
 *
 * @param columns    every column of the row schema, in schema order
 * @param keyColumns primary-key column names from the record key; empty for a table without a key
 * @param sourceEngine Debezium's {@code source.connector} ({@code mysql}, {@code mariadb}, {@code postgresql}) or null
 * @param snapshot   Debezium's {@code source.snapshot} ({@code true}, {@code last}, {@code incremental}, ...) or null
 */
public record ChangeEvent(TableId table, Op op, List<Column> columns, List<String> keyColumns,
                          Map<String, Object> before, Map<String, Object> after, String sourceEngine,
                          String snapshot, Long sourceTsMs, KafkaCoordinates coordinates) {

    public boolean hasKey() {
        return !keyColumns.isEmpty();
    }

    /** The image that identifies the existing row: before for updates/deletes when present, else after. */
    public Map<String, Object> identifyingImage() {
        return before != null ? before : after;
    }

    public boolean lastSnapshotRow() {
        return "last".equals(snapshot);
    }
}
