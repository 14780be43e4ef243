package dev.ferry.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;

@ExtendWith({MariaDbExtension.class, PostgresExtension.class})
class SakilaLoaderTest {
    static final Map<String, Long> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("actor", 200L);
        COUNTS.put("address", 603L);
        COUNTS.put("category", 16L);
        COUNTS.put("city", 600L);
        COUNTS.put("country", 109L);
        COUNTS.put("customer", 599L);
        COUNTS.put("film", 1000L);
        COUNTS.put("film_actor", 5462L);
        COUNTS.put("film_category", 1000L);
        COUNTS.put("inventory", 4581L);
        COUNTS.put("language", 6L);
        COUNTS.put("payment", 16049L);
        COUNTS.put("rental", 16044L);
        COUNTS.put("staff", 2L);
        COUNTS.put("store", 2L);
    }

    @Test
    void loadsTheMySqlCopyIntoMariaDbWithGeometryAndTriggers(MariaDbDatabase db) throws Exception {
        try (Connection admin = db.adminConnection()) {
            SakilaLoader.loadMySql(admin, db.name(), true);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (var e : COUNTS.entrySet()) {
                assertThat(count(s, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(count(s, "film_text")).isEqualTo(1000);
            assertThat(scalar(s, "SELECT COUNT(*) FROM address WHERE location IS NOT NULL")).isEqualTo("603");
            assertThat(scalar(s, "SELECT SUM(amount) FROM payment")).isEqualTo("67416.51");
            assertThat(scalar(s, "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = '"
                    + db.name() + "'")).isEqualTo("6");
            assertThat(scalar(s, "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = '"
                    + db.name() + "'")).isEqualTo("6");
            assertThat(scalar(s, "SELECT COUNT(*) FROM information_schema.views WHERE table_schema = '"
                    + db.name() + "'")).isEqualTo("7");
        }
    }

    @Test
    void loadsThePostgresCopyWithCopyBlocks(PostgresDatabase db) throws Exception {
        try (Connection admin = db.adminConnection(); Statement s = admin.createStatement()) {
            s.execute("ALTER ROLE " + db.user() + " SUPERUSER");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SakilaLoader.loadPostgres(c);
            for (var e : COUNTS.entrySet()) {
                assertThat(count(s, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(scalar(s, "SELECT SUM(amount) FROM payment")).isEqualTo("67416.51");
        } finally {
            try (Connection admin = db.adminConnection(); Statement s = admin.createStatement()) {
                s.execute("ALTER ROLE " + db.user() + " NOSUPERUSER");
            }
        }
    }

    private static long count(Statement s, String table) throws Exception {
        return Long.parseLong(scalar(s, "SELECT COUNT(*) FROM " + table));
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
