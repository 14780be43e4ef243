package dev.ferry.sink.dialect;

import dev.ferry.sink.event.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL builder + type registry + capabilities of one target family. The statements common to all targets live here;
 * differences are one-method hooks. Stateless: safe to share.
 */
public abstract class Dialect {

    public abstract String name();

    /** Quotes an identifier so reserved words and mixed case are always right. */
    public abstract String quote(String identifier);

    /** Whether created names are lower-cased when {@code identifier-case=auto}. */
    public abstract boolean lowerCaseByDefault();

    /** DDL type of a column. */
    public abstract String columnType(TargetType type, boolean keyColumn);

    /** Binds one decoded value (see {@code ValueDecoder}) for a column of this type. */
    public abstract void bind(PreparedStatement ps, int index, TargetType type, Object value) throws SQLException;

    /** Session settings applied to every new connection (time zone, strictness). */
    public abstract void prepareSession(Connection connection) throws SQLException;

    public abstract String createSchema(String schema);

    /** Type of a short text key column in the control tables. */
    public abstract String controlKeyType();

    /** Type of a long text column in the control tables. */
    public abstract String controlTextType();

    /** Type of a timestamp column in the control tables (UTC). */
    public abstract String controlTimestampType();

    /** An auto-generated bigint primary-key column definition (without the name). */
    public abstract String identityColumn();

    /** Removes every row inside the current transaction. */
    public abstract String truncate(TableId table);

    public abstract String upsert(TableId table, List<String> columns, List<String> keyColumns);

    /** Updates exactly one row whose columns all equal (NULL-safe) the given values. */
    public abstract String updateOneRow(TableId table, List<String> setColumns, List<String> matchColumns);

    /** Deletes exactly one row whose columns all equal (NULL-safe) the given values. */
    public abstract String deleteOneRow(TableId table, List<String> matchColumns);

    /** NULL-safe equality of a column with a parameter. */
    protected abstract String nullSafeEquals(String quotedColumn);

    /** Table options appended to CREATE TABLE (engine, collation). */
    protected String tableOptions() {
        return "";
    }

    /** Whether JDBC metadata lists a schema as a catalog (MySQL/MariaDB databases). */
    public boolean schemaIsCatalog() {
        return false;
    }

    public String qualified(TableId table) {
        return quote(table.schema()) + "." + quote(table.table());
    }

    public String createTable(TableId table, List<ColumnDef> columns, List<String> keyColumns) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(qualified(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            sb.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ')
                    .append(columnType(c.type(), keyColumns.contains(c.name())))
                    .append(c.nullable() && !keyColumns.contains(c.name()) ? nullableSuffix(c.type()) : " NOT NULL");
        }
        if (!keyColumns.isEmpty()) {
            sb.append(", PRIMARY KEY (").append(list(keyColumns)).append(')');
        }
        return sb.append(')').append(tableOptions()).toString();
    }

    /** Suffix of a nullable column (MySQL TIMESTAMP needs an explicit NULL). */
    protected String nullableSuffix(TargetType type) {
        return "";
    }

    public String addColumn(TableId table, ColumnDef column) {
        return "ALTER TABLE " + qualified(table) + " ADD COLUMN " + quote(column.name()) + ' '
                + columnType(column.type(), false) + nullableSuffix(column.type());
    }

    public String dropTable(TableId table) {
        return "DROP TABLE IF EXISTS " + qualified(table);
    }

    public String insert(TableId table, List<String> columns) {
        return "INSERT INTO " + qualified(table) + " (" + list(columns) + ") VALUES (" + params(columns.size()) + ")";
    }

    public String update(TableId table, List<String> setColumns, List<String> keyColumns) {
        return "UPDATE " + qualified(table) + " SET " + assignments(setColumns) + " WHERE " + keyMatch(keyColumns);
    }

    public String deleteByKey(TableId table, List<String> keyColumns) {
        return "DELETE FROM " + qualified(table) + " WHERE " + keyMatch(keyColumns);
    }

    public String selectAnyRow(TableId table) {
        return "SELECT 1 FROM " + qualified(table) + " LIMIT 1";
    }

    protected String list(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    protected static String params(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    protected String assignments(List<String> columns) {
        return columns.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(", "));
    }

    protected String keyMatch(List<String> keyColumns) {
        return keyColumns.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
    }

    protected String nullSafeMatch(List<String> columns) {
        return columns.stream().map(c -> nullSafeEquals(quote(c))).collect(Collectors.joining(" AND "));
    }
}
