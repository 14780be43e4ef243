package dev.ferry.sink.apply;

import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.table.TableHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The fastest way to put snapshot rows into a table that is provably empty (created by the sink or found empty, and
 * no streamed change seen yet). Runs inside the flush transaction; any failure (or a row the target changed or
 * refused) throws, the flush rolls back and it is replayed row by row.
 */
public interface BulkLoader {
    /** Whether this loader can write every column of the table (else its snapshot rows are upserted). */
    default boolean accepts(TableHandle table) {
        return true;
    }

    /** Loads the {@code after} images of snapshot (op=r) events. */
    void load(Connection c, TableHandle table, List<ChangeEvent> events) throws SQLException;
}
