package dev.ferry.transforms.smt;

/** The source schema (MySQL/MariaDB: database) and table of a record. */
record SourceTable(String schema, String table) {
    @Override
    public String toString() {
        return schema + "." + table;
    }
}
