package dev.ferry.runtime.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * Loads the bundled Sakila sample database (resources {@code /sakila/}, see its README) over JDBC: the MySQL copy
 * into MariaDB/MySQL, the PostgreSQL copy into PostgreSQL.
 */
public final class SakilaLoader {
    /** Tables of the MySQL copy with their row counts after loading (dataset README). */
    public static final List<String> MYSQL_TABLES = List.of("actor", "address", "category", "city", "country",
            "customer", "film", "film_actor", "film_category", "film_text", "inventory", "language", "payment",
            "rental", "staff", "store");

    private static final Pattern SAKILA_NAME = Pattern.compile("\\bsakila\\b");

    private SakilaLoader() {
    }

    /**
     * Drops and recreates the database {@code database} on a MariaDB or MySQL server and loads Sakila into it.
     * {@code connection} needs the rights to create the database, its triggers, views and routines (root).
     * On MariaDB the MySQL-5.7 executable comments are unwrapped (see the resource README).
     */
    public static void loadMySql(Connection connection, String database, boolean mariadb) throws SQLException {
        for (String file : List.of("sakila-mv-schema.sql", "sakila-mv-data.sql")) {
            String script = resource("/sakila/mysql/" + file);
            if (mariadb) {
                script = SqlScript.unwrapExecutableComments(script, 50705);
            }
            boolean schema = file.contains("schema");
            try (Statement s = connection.createStatement()) {
                for (SqlScript.Statement st : SqlScript.split(script, SqlScript.Dialect.MYSQL)) {
                    String sql = st.sql();
                    if (schema || sql.regionMatches(true, 0, "USE ", 0, 4)) {
                        sql = SAKILA_NAME.matcher(sql).replaceAll(Matcher.quoteReplacement(database));
                    }
                    execute(s, sql, file);
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * Loads Sakila into the schema {@code public} of the database {@code connection} is connected to (it should be
     * empty; the scripts set owners to {@code postgres}, so connect as that superuser).
     */
    public static void loadPostgres(Connection connection) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (String file : List.of("postgres-sakila-schema.sql", "postgres-sakila-insert-data-using-copy.sql")) {
            String script = resource("/sakila/postgres/" + file);
            try (Statement s = connection.createStatement()) {
                for (SqlScript.Statement st : SqlScript.split(script, SqlScript.Dialect.POSTGRES)) {
                    if (st.copyData() == null) {
                        execute(s, st.sql(), file);
                    } else {
                        try {
                            copy.copyIn(st.sql(), new StringReader(st.copyData()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (SQLException e) {
                            throw new SQLException(file + ": " + abbreviate(st.sql()) + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void execute(Statement s, String sql, String file) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(file + ": " + abbreviate(sql) + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }

    static String resource(String path) {
        try (InputStream in = SakilaLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the Ferry runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}
