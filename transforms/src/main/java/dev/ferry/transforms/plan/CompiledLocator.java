package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.ObjectLocator;
import dev.ferry.transforms.rules.Wildcard;

import java.util.Locale;

/** An object-locator with its name patterns compiled once. */
final class CompiledLocator {
    private final Wildcard schema;
    private final Wildcard table;
    private final Wildcard column;
    private final String dataType;

    CompiledLocator(ObjectLocator locator, boolean ignoreCase, boolean exact) {
        this.schema = compile(locator.schemaName(), ignoreCase, exact);
        this.table = compile(locator.tableName(), ignoreCase, exact);
        this.column = compile(locator.columnName(), ignoreCase, false);
        this.dataType = locator.dataType() == null ? null : locator.dataType().toLowerCase(Locale.ROOT);
    }

    private static Wildcard compile(String pattern, boolean ignoreCase, boolean exact) {
        if (pattern == null) {
            return null;
        }
        return exact ? Wildcard.exact(pattern, ignoreCase) : Wildcard.compile(pattern, ignoreCase);
    }

    boolean matchesSchema(String name) {
        return schema.matches(name);
    }

    boolean matchesTable(String schemaName, String tableName) {
        return schema.matches(schemaName) && (table == null || table.matches(tableName));
    }

    /**
     * Column match: the column-name pattern (absent for add-column) and, when present, the data-type, compared
     * case-insensitively with the source type without its length ({@code varchar(20)} has type {@code varchar}).
     */
    boolean matchesColumn(String columnName, String sourceType) {
        if (column != null && !column.matches(columnName)) {
            return false;
        }
        return dataType == null || (sourceType != null && baseType(sourceType).equals(dataType));
    }

    static String baseType(String sourceType) {
        String t = sourceType.toLowerCase(Locale.ROOT).trim();
        int paren = t.indexOf('(');
        return (paren >= 0 ? t.substring(0, paren) : t).trim();
    }
}
