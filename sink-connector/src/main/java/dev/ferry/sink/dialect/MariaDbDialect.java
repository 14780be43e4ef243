package dev.ferry.sink.dialect;

/** MariaDB target: differs from MySQL only in its binary NO PAD collation and its verbatim JSON type. */
public class MariaDbDialect extends MySqlDialect {
    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    protected String binaryCollation() {
        return "utf8mb4_nopad_bin";
    }

    @Override
    public void setLocalInfile(java.sql.Statement statement, java.io.InputStream data) throws java.sql.SQLException {
        statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(data);
    }

    /** MariaDB's JSON is LONGTEXT with a json_valid check: the text, and so every number, is kept as sent. */
    @Override
    protected String jsonType() {
        return "json";
    }
}
