package dev.ferry.sink.control;

import java.util.List;

/** JMX view of one sink task ({@code dev.ferry:type=SinkTask,task=<task.name>}): committed statistics per table. */
public interface SinkTaskStatsMXBean {
    String getTask();

    List<TableStatistics> getTables();

    /** One table's committed statistics, as in {@code ferry_table_state}. */
    final class TableStatistics {
        private final String table;
        private final TableStats s;

        TableStatistics(String table, TableStats s) {
            this.table = table;
            this.s = s;
        }

        public String getTable() { return table; }
        public String getState() { return s.state(); }
        public long getFullLoadRows() { return s.fullLoadRows(); }
        public long getInserts() { return s.inserts(); }
        public long getUpdates() { return s.updates(); }
        public long getDeletes() { return s.deletes(); }
        public long getDdls() { return s.ddls(); }
        public String getError() { return s.error(); }
    }
}
