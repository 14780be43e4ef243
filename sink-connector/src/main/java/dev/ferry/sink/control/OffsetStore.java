package dev.ferry.sink.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ferry_offsets}: the next offset to consume per original topic-partition, written in the same transaction as
 * the rows. Each {@link #claim} raises the row's generation; a write only succeeds with the generation its task
 * claimed, so a task that lost its partitions can never commit after the new owner.
 */
public final class OffsetStore {
    /** Stored offset (or -1 when there is none) and the generation now owned by the caller. */
    public record Claim(long nextOffset, long generation) {
        public boolean hasOffset() {
            return nextOffset >= 0;
        }
    }

    /** The partition was claimed by another task after this one. */
    public static final class OwnershipLostException extends SQLException {
        public OwnershipLostException(String message) {
            super(message);
        }
    }

    private final ControlTables tables;
    private final String task;

    public OffsetStore(ControlTables tables, String task) {
        this.tables = tables;
        this.task = task;
    }

    /** Reads the stored offset and takes ownership by raising the generation; commits. */
    public Claim claim(Connection c, TopicPartition tp) throws SQLException {
        c.setAutoCommit(false);
        try {
            Claim current = read(c, tp, true);
            Claim claimed;
            if (current == null) {
                claimed = new Claim(-1, 1);
                insert(c, tp, claimed);
            } else {
                claimed = new Claim(current.nextOffset(), current.generation() + 1);
                updateGeneration(c, tp, claimed.generation());
            }
            c.commit();
            return claimed;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private Claim read(Connection c, TopicPartition tp, boolean forUpdate) throws SQLException {
        String sql = "SELECT " + q("kafka_offset") + ", " + q("generation") + " FROM " + table() + " WHERE " + keyMatch()
                + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindKey(ps, 1, tp);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Claim(rs.getLong(1), rs.getLong(2)) : null;
            }
        }
    }

    private void insert(Connection c, TopicPartition tp, Claim claim) throws SQLException {
        String sql = "INSERT INTO " + table() + " (" + q("task") + ", " + q("topic") + ", " + q("partition") + ", "
                + q("kafka_offset") + ", " + q("generation") + ", " + q("updated_at") + ") VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindKey(ps, 1, tp);
            ps.setLong(4, claim.nextOffset());
            ps.setLong(5, claim.generation());
            ps.executeUpdate();
        }
    }

    private void updateGeneration(Connection c, TopicPartition tp, long generation) throws SQLException {
        String sql = "UPDATE " + table() + " SET " + q("generation") + " = ?, " + q("updated_at")
                + " = CURRENT_TIMESTAMP WHERE " + keyMatch();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, generation);
            bindKey(ps, 2, tp);
            ps.executeUpdate();
        }
    }

    /** Stores the next offset inside the caller's transaction, only if this task still owns the generation. */
    public void write(Connection c, TopicPartition tp, long nextOffset, long generation) throws SQLException {
        String sql = "UPDATE " + table() + " SET " + q("kafka_offset") + " = ?, " + q("updated_at")
                + " = CURRENT_TIMESTAMP WHERE " + keyMatch() + " AND " + q("generation") + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, nextOffset);
            bindKey(ps, 2, tp);
            ps.setLong(5, generation);
            if (ps.executeUpdate() != 1) {
                throw new OwnershipLostException("Task " + task + " no longer owns " + tp + " (generation " + generation
                        + " was superseded by another task); it stops writing so the new owner's offsets stay right");
            }
        }
    }

    private void bindKey(PreparedStatement ps, int first, TopicPartition tp) throws SQLException {
        ps.setString(first, task);
        ps.setString(first + 1, tp.topic());
        ps.setInt(first + 2, tp.partition());
    }

    private String keyMatch() {
        return q("task") + " = ? AND " + q("topic") + " = ? AND " + q("partition") + " = ?";
    }

    private String table() {
        return tables.dialect().qualified(tables.offsets());
    }

    private String q(String n) {
        return tables.quote(n);
    }
}
