package dev.ferry.source.preflight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table in a publication without a primary key and with REPLICA IDENTITY DEFAULT (or NOTHING) rejects the
 * application's own UPDATE and DELETE statements. Adding such a table to the publication would break the source, so
 * it is a failure until its identity is FULL (or USING INDEX).
 */
final class ReplicaIdentityCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.replica-identity";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        List<String> bad = new ArrayList<>();
        String sql = "SELECT c.relreplident, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        try (PreparedStatement ps = context.connection().prepareStatement(sql)) {
            for (TableRef t : context.selectedTables()) {
                ps.setString(1, t.schema());
                ps.setString(2, t.table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !identified(rs.getString(1), rs.getBoolean(2))) {
                        bad.add(t.toString());
                    }
                }
            }
        }
        if (bad.isEmpty()) {
            return CheckResult.pass(id(), "every selected table has a primary key or a full replica identity");
        }
        StringBuilder fix = new StringBuilder();
        for (String t : bad) {
            String[] parts = t.split("\\.", 2);
            fix.append("ALTER TABLE ").append(SelectPrivilegeCheck.quote(context, parts[0])).append('.')
                    .append(SelectPrivilegeCheck.quote(context, parts[1])).append(" REPLICA IDENTITY FULL; ");
        }
        return CheckResult.fail(id(), String.join(", ", bad) + " ha" + (bad.size() == 1 ? "s" : "ve")
                + " no primary key and no full replica identity; in a publication, UPDATE and DELETE on "
                + (bad.size() == 1 ? "it" : "them") + " would fail", fix.toString().strip());
    }

    private static boolean identified(String replident, boolean hasPk) {
        return switch (replident) {
            case "f", "i" -> true;
            case "d" -> hasPk;
            default -> false;
        };
    }
}
