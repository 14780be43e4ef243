package dev.ferry.source.discovery;

/**
 * A column as the source catalogue describes it.
 *
 * @param sourceType the full declared type, e.g. {@code bigint(20) unsigned}, {@code numeric(12,2)}, {@code text[]}
 * @param dataType the bare type name, e.g. {@code bigint}, {@code numeric}, {@code _text}
 * @param defaultValue the default expression as the server prints it, or null
 * @param autoIncrement MySQL {@code AUTO_INCREMENT}, PostgreSQL identity or serial
 * @param json a MariaDB LONGTEXT column constrained by {@code json_valid()}, i.e. a MariaDB JSON column
 */
public record ColumnInfo(String name, int ordinal, String sourceType, String dataType, boolean nullable,
                         String defaultValue, boolean autoIncrement, Integer length, Integer precision, Integer scale,
                         String collation, boolean json) {
}
