package dev.ferry.transforms.expr;

/** What an expression can read while it is evaluated for one row image. */
public interface EvalContext {
    /** The value of source column {@code name} in the row image, or {@code null}. */
    Object column(String name);

    /** The source schema (MySQL/MariaDB: database), for {@code $AR_M_SOURCE_SCHEMA}. */
    String sourceSchema();

    /** The source table, for {@code $AR_M_SOURCE_TABLE_NAME}. */
    String sourceTable();

    /** The Debezium operation: {@code c}, {@code r}, {@code u} or {@code d}. */
    char operation();
}
