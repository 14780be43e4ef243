package dev.ferry.sink.control;

import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.event.TableId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Names and DDL of the control tables in {@code control-schema}; created if missing. */
public final class ControlTables {
    private final Dialect dialect;
    private final String schema;

    public ControlTables(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    public TableId offsets() {
        return new TableId(schema, "ferry_offsets");
    }

    public TableId tableState() {
        return new TableId(schema, "ferry_table_state");
    }

    public TableId applyExceptions() {
        return new TableId(schema, "ferry_apply_exceptions");
    }

    public void create(Connection c) throws SQLException {
        String key = dialect.controlKeyType();
        String text = dialect.controlTextType();
        String ts = dialect.controlTimestampType();
        List<String> ddl = List.of(
                dialect.createSchema(schema),
                "CREATE TABLE IF NOT EXISTS " + dialect.qualified(offsets()) + " (" + q("task") + " " + key + " NOT NULL, "
                        + q("topic") + " " + key + " NOT NULL, " + q("partition") + " integer NOT NULL, "
                        + q("kafka_offset") + " bigint NOT NULL, " + q("generation") + " bigint NOT NULL, "
                        + q("updated_at") + " " + ts + " NULL, PRIMARY KEY (" + q("task") + ", " + q("topic") + ", "
                        + q("partition") + "))",
                "CREATE TABLE IF NOT EXISTS " + dialect.qualified(tableState()) + " (" + q("task") + " " + key
                        + " NOT NULL, " + q("table_name") + " " + key + " NOT NULL, " + q("state") + " " + key + " NOT NULL, "
                        + q("full_load_rows") + " bigint NOT NULL, " + q("full_load_start") + " " + ts + " NULL, "
                        + q("full_load_end") + " " + ts + " NULL, " + q("inserts") + " bigint NOT NULL, "
                        + q("updates") + " bigint NOT NULL, " + q("deletes") + " bigint NOT NULL, "
                        + q("ddls") + " bigint NOT NULL, " + q("last_source_ts_ms") + " bigint NULL, "
                        + q("error") + " " + text + " NULL, " + q("updated_at") + " " + ts + " NULL, PRIMARY KEY ("
                        + q("task") + ", " + q("table_name") + "))",
                "CREATE TABLE IF NOT EXISTS " + dialect.qualified(applyExceptions()) + " (" + q("id") + " "
                        + dialect.identityColumn() + ", " + q("task") + " " + key + " NOT NULL, " + q("table_name") + " "
                        + key + " NOT NULL, " + q("record_key") + " " + text + " NULL, " + q("operation") + " " + key
                        + " NOT NULL, " + q("error") + " " + text + " NOT NULL, " + q("topic") + " " + key + " NOT NULL, "
                        + q("partition") + " integer NOT NULL, " + q("kafka_offset") + " bigint NOT NULL, "
                        + q("created_at") + " " + ts + " NULL)");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private String q(String name) {
        return dialect.quote(name);
    }

    String quote(String name) {
        return dialect.quote(name);
    }

    Dialect dialect() {
        return dialect;
    }
}
