package dev.ferry.source.preflight;

/**
 * A source table as named in the catalogue (MySQL/MariaDB: schema = database).
 *
 * @param keyed whether it has a primary key or a unique NOT NULL key
 */
public record TableRef(String schema, String table, boolean keyed) {
    @Override
    public String toString() {
        return schema + "." + table;
    }
}
