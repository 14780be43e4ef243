package dev.ferry.sink.table;

import dev.ferry.sink.config.PrepMode;
import dev.ferry.sink.control.TableStateStore;
import dev.ferry.sink.control.TableStats;
import dev.ferry.sink.dialect.ColumnDef;
import dev.ferry.sink.dialect.Dialect;
import dev.ferry.sink.dialect.TargetType;
import dev.ferry.sink.dialect.TypeResolver;
import dev.ferry.sink.event.ChangeEvent;
import dev.ferry.sink.event.Column;
import dev.ferry.sink.event.Op;
import dev.ferry.sink.event.TableId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates target tables from the event schema, applies the prep mode once per table, turns a new field into
 * {@code ADD COLUMN}, and puts a table in "table error" when a column is dropped, renamed or retyped. DDL runs in
 * auto-commit before the flush transaction (MySQL commits implicitly on DDL); every step is idempotent.
 */
public final class TableRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(TableRegistry.class);
    private final Dialect dialect;
    private final PrepMode prepMode;
    private final TableStateStore stateStore;
    private final Map<TableId, TableHandle> tables = new HashMap<>();

    public TableRegistry(Dialect dialect, PrepMode prepMode, TableStateStore stateStore) {
        this.dialect = dialect;
        this.prepMode = prepMode;
        this.stateStore = stateStore;
    }

    public TableHandle get(TableId id) {
        return tables.get(id);
    }

    public Map<TableId, TableHandle> all() {
        return tables;
    }

    /** Makes the target ready for this event (connection in auto-commit). */
    public void prepare(Connection c, ChangeEvent e) throws SQLException {
        if (e.op() == Op.SKIP) {
            return;
        }
        TableHandle h = tables.get(e.table());
        if (h == null) {
            if (e.op() == Op.TRUNCATE) {
                return;
            }
            h = open(c, e);
            tables.put(e.table(), h);
        }
        if (h.inError() || e.op() == Op.TRUNCATE || e.columns() == h.lastColumns()) {
            return;
        }
        evolve(c, h, e);
    }

    private TableHandle open(Connection c, ChangeEvent e) throws SQLException {
        TableStats stats = stateStore.load(c, e.table());
        boolean firstLoad = (stats == null || TableStats.BEFORE_LOAD.equals(stats.state())) && e.op() == Op.READ;
        Map<String, Boolean> existing = columns(c, e.table());
        if (firstLoad && !existing.isEmpty() && prepMode != PrepMode.DO_NOTHING) {
            String sql = prepMode == PrepMode.DROP_AND_CREATE ? dialect.dropTable(e.table()) : dialect.truncate(e.table());
            execute(c, sql);
            LOG.info("Prepared target table {} for its full load: {}", e.table(), sql);
            if (prepMode == PrepMode.DROP_AND_CREATE) {
                existing = Map.of();
            }
        }
        List<String> key = existing.isEmpty() ? e.keyColumns() : primaryKey(c, e.table());
        boolean empty;
        if (existing.isEmpty()) {
            create(c, e);
            empty = true;
        } else {
            empty = isEmpty(c, e.table());
        }
        TableHandle h = new TableHandle(e.table(), key, stats == null ? new TableStats() : stats, empty);
        for (Column col : e.columns()) {
            h.putType(col.name(), TypeResolver.resolve(col, e.sourceEngine()));
        }
        return h;
    }

    private void create(Connection c, ChangeEvent e) throws SQLException {
        List<ColumnDef> defs = new ArrayList<>();
        for (Column col : e.columns()) {
            defs.add(new ColumnDef(col.name(), TypeResolver.resolve(col, e.sourceEngine()), col.optional()));
        }
        execute(c, dialect.createSchema(e.table().schema()));
        execute(c, dialect.createTable(e.table(), defs, e.keyColumns()));
    }

    private void evolve(Connection c, TableHandle h, ChangeEvent e) throws SQLException {
        Map<String, TargetType> resolved = new LinkedHashMap<>();
        for (Column col : e.columns()) {
            resolved.put(col.name(), TypeResolver.resolve(col, e.sourceEngine()));
        }
        String problem = incompatibility(h.lastTypes(), resolved);
        if (problem != null) {
            h.fail(problem);
            LOG.error("Table {} is in table error after {}: {}. Other tables continue; fix the target table "
                    + "and reload this table.", h.id(), e.coordinates(), problem);
            return;
        }
        Map<String, Boolean> existing = null;
        for (Column col : e.columns()) {
            if (!h.hasColumn(col.name())) {
                existing = existing == null ? columns(c, h.id()) : existing;
                if (!existing.containsKey(col.name())) {
                    ColumnDef def = new ColumnDef(col.name(), resolved.get(col.name()), true);
                    execute(c, dialect.addColumn(h.id(), def));
                    h.stats().ddl();
                }
                h.putType(col.name(), resolved.get(col.name()));
            }
        }
        h.remember(e.columns(), resolved);
    }

    /** A column of the previous event that vanished or changed type: the layout can no longer be trusted. */
    static String incompatibility(Map<String, TargetType> before, Map<String, TargetType> now) {
        if (before == null) {
            return null;
        }
        for (Map.Entry<String, TargetType> old : before.entrySet()) {
            TargetType t = now.get(old.getKey());
            if (t == null) {
                return "column " + old.getKey() + " was dropped or renamed in the source";
            }
            if (!t.equals(old.getValue())) {
                return "column " + old.getKey() + " changed type from " + old.getValue().kind() + " to " + t.kind();
            }
        }
        return null;
    }

    private Map<String, Boolean> columns(Connection c, TableId t) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (ResultSet rs = dialect.schemaIsCatalog() ? md.getColumns(t.schema(), null, escape(md, t.table()), null)
                : md.getColumns(null, escape(md, t.schema()), escape(md, t.table()), null)) {
            while (rs.next()) {
                if (t.table().equals(rs.getString("TABLE_NAME"))) {
                    out.put(rs.getString("COLUMN_NAME"), "YES".equals(rs.getString("IS_NULLABLE")));
                }
            }
        }
        return out;
    }

    private List<String> primaryKey(Connection c, TableId t) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<Short, String> ordered = new java.util.TreeMap<>();
        try (ResultSet rs = dialect.schemaIsCatalog() ? md.getPrimaryKeys(t.schema(), null, t.table())
                : md.getPrimaryKeys(null, t.schema(), t.table())) {
            while (rs.next()) {
                ordered.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(ordered.values());
    }

    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        return esc == null ? name : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    private boolean isEmpty(Connection c, TableId t) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(dialect.selectAnyRow(t))) {
            return !rs.next();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
