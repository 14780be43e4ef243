package dev.ferry.runtime.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.endpoint.Engine;
import dev.ferry.source.endpoint.JdbcEndpoints;

/** Drops what a task created on a PostgreSQL source: its replication slot and publication. */
final class SourceCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCleanup.class);

    private SourceCleanup() {
    }

    static void dropSlotAndPublication(TaskFile task) throws SQLException {
        if (task.source().engine() != Engine.POSTGRES) {
            return;
        }
        String name = task.slotName();
        try (Connection c = JdbcEndpoints.connect(task.source())) {
            awaitInactive(c, name);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_drop_replication_slot(slot_name) "
                    + "FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
                ps.setString(1, name);
                ps.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP PUBLICATION IF EXISTS " + name);
            }
        }
        LOG.info("Dropped replication slot and publication {}", name);
    }

    /** A deleted connector releases its slot asynchronously; wait up to 30 s. */
    private static void awaitInactive(Connection c, String slot) throws SQLException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active")) {
            ps.setString(1, slot);
            while (System.nanoTime() < deadline) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
