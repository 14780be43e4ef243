package dev.ferry.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ferry.runtime.demo.SqlScript.Dialect;

class SqlScriptTest {
    private static List<String> mysql(String script) {
        return SqlScript.split(script, Dialect.MYSQL).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsOutsideStringsAndComments() {
        assertThat(mysql("""
                -- a comment; not a statement
                INSERT INTO t VALUES ('a;b', "c;d", 'it''s;', 'a\\'b;'), (`x;y`);
                # hash comment;
                /* block; comment */ SELECT 1;
                SELECT 2""")).containsExactly(
                "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'a\\'b;'), (`x;y`)",
                "/* block; comment */ SELECT 1",
                "SELECT 2");
    }

    @Test
    void honoursDelimiterChangesForTriggers() {
        assertThat(mysql("""
                CREATE TABLE t (a INT);
                DELIMITER ;;
                CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW BEGIN
                    INSERT INTO u VALUES (new.a);
                  END;;
                DELIMITER $$
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END $$
                DELIMITER ;
                SELECT 3;
                """)).containsExactly(
                "CREATE TABLE t (a INT)",
                "CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW BEGIN\n    INSERT INTO u VALUES (new.a);\n  END",
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
                "SELECT 3");
    }

    @Test
    void keepsExecutableCommentsAndDashesWithoutSpace() {
        assertThat(mysql("/*!50610 ALTER TABLE t engine=InnoDB */;\nSELECT 1--1;"))
                .containsExactly("/*!50610 ALTER TABLE t engine=InnoDB */", "SELECT 1--1");
    }

    @Test
    void unwrapsOneVersionOfExecutableComments() {
        String sql = "CREATE TABLE a (id INT,\n  /*!50705 location GEOMETRY NOT NULL,*/\n  x INT)"
                + " /*!50610 ENGINE=InnoDB */; INSERT INTO a VALUES (1,/*!50705 0x0101,*/2)";
        assertThat(SqlScript.unwrapExecutableComments(sql, 50705)).isEqualTo(
                "CREATE TABLE a (id INT,\n  location GEOMETRY NOT NULL,\n  x INT) /*!50610 ENGINE=InnoDB */;"
                        + " INSERT INTO a VALUES (1,0x0101,2)");
    }

    @Test
    void splitsPostgresDollarQuotesAndCopyBlocks() {
        List<SqlScript.Statement> st = SqlScript.split("""
                SET standard_conforming_strings = off;
                CREATE FUNCTION f() RETURNS text AS $_$ SELECT 'a;b'; $_$ LANGUAGE sql;
                CREATE FUNCTION g() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
                COPY public.t (a, b) FROM stdin;
                1\tx;y
                2\t\\N
                \\.
                SELECT 'it''s \\' quoted;';
                """, Dialect.POSTGRES);
        assertThat(st).extracting(SqlScript.Statement::sql).containsExactly(
                "SET standard_conforming_strings = off",
                "CREATE FUNCTION f() RETURNS text AS $_$ SELECT 'a;b'; $_$ LANGUAGE sql",
                "CREATE FUNCTION g() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
                "COPY public.t (a, b) FROM stdin",
                "SELECT 'it''s \\' quoted;'");
        assertThat(st.get(3).copyData()).isEqualTo("1\tx;y\n2\t\\N\n");
        assertThat(st.get(0).copyData()).isNull();
    }

    @Test
    void splitsTheBundledSakilaScripts() {
        List<SqlScript.Statement> schema = SqlScript.split(SqlScript.unwrapExecutableComments(
                SakilaLoader.resource("/sakila/mysql/sakila-mv-schema.sql"), 50705), Dialect.MYSQL);
        assertThat(schema).extracting(SqlScript.Statement::sql)
                .anyMatch(s -> s.startsWith("CREATE TRIGGER `ins_film`") && s.endsWith("END"))
                .anyMatch(s -> s.startsWith("CREATE TABLE address") && s.contains("location GEOMETRY NOT NULL"))
                .noneMatch(s -> s.startsWith("DELIMITER") || s.startsWith("--"));
        List<SqlScript.Statement> copy = SqlScript.split(
                SakilaLoader.resource("/sakila/postgres/postgres-sakila-insert-data-using-copy.sql"), Dialect.POSTGRES);
        assertThat(copy).filteredOn(s -> s.copyData() != null).hasSize(15)
                .filteredOn(s -> s.sql().startsWith("COPY public.payment "))
                .singleElement().satisfies(s -> assertThat(s.copyData().lines().count()).isEqualTo(16049));
    }
}
