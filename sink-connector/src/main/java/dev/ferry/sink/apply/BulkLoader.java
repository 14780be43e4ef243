package dev.ferry.sink.apply;

import dev.ferry.sink.table.TableHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The fastest way to put snapshot rows into a table that is provably empty (created by the sink or found empty, and
 * no streamed change seen yet). Runs inside the flush transaction; any failure rolls the flush back and it is
 * replayed row by row.
 */
public interface BulkLoader {
    void load(Connection c, TableHandle table, List<Map<String, Object>> rows) throws SQLException;
}
