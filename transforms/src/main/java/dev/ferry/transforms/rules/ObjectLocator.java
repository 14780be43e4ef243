package dev.ferry.transforms.rules;

/**
 * A DMS {@code object-locator}. Names may hold wildcards (see {@link Wildcard}); absent fields are {@code null}.
 *
 * @param schemaName {@code schema-name}
 * @param tableName  {@code table-name}
 * @param columnName {@code column-name} (column transformation rules only)
 * @param dataType   {@code data-type}: matches the source column type (column transformation rules only)
 * @param tableType  {@code table-type} (selection rules only; {@link TableType#TABLE} when absent)
 */
public record ObjectLocator(String schemaName, String tableName, String columnName, String dataType,
                            TableType tableType) {
}
