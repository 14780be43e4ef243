package dev.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresLogicalSlotTest {

    @Test
    @Order(1)
    void pgoutputSlotSeesAnInsertedRow(PostgresDatabase db) throws Exception {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, name text)",
                "CREATE PUBLICATION test_pub FOR TABLE items");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_create_logical_replication_slot('test_slot', 'pgoutput')");
            s.execute("INSERT INTO items VALUES (7, 'decoded by pgoutput')");
            String changes = changes(c);
            assertThat(changes).contains("decoded by pgoutput");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW wal_level")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
    }

    @Test
    @Order(2)
    void slotsATestCreatedAreDroppedAfterIt(PostgresDatabase db) throws Exception {
        try (Connection c = db.adminConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_replication_slots WHERE database = ?")) {
            ps.setString(1, db.name());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static String changes(Connection c) throws Exception {
        String sql = "SELECT data FROM pg_logical_slot_get_binary_changes('test_slot', NULL, NULL, "
                + "'proto_version', '1', 'publication_names', 'test_pub')";
        StringBuilder all = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                all.append(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
