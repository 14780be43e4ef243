package dev.ferry.transforms.plan;

/**
 * A column of a source table.
 *
 * @param name     the column name as the source database spells it
 * @param type     the source type as the database writes it, e.g. {@code varchar(20)}, {@code INT UNSIGNED}
 * @param nullable whether the column accepts NULL
 * @param ordinal  1-based position in the table
 */
public record SourceColumn(String name, String type, boolean nullable, int ordinal) {
}
