package dev.ferry.source.preflight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ferry creates a publication for exactly the selected tables; PostgreSQL allows that only to the tables' owner (or a
 * superuser), and needs CREATE on the database.
 */
final class PublicationRightsCheck extends PostgresCheck {
    @Override
    public String id() {
        return "postgres.publication-rights";
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        var c = context.connection();
        String user = Sql.string(c, "SELECT current_user");
        if ("t".equals(Sql.string(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))) {
            return CheckResult.pass(id(), user + " is a superuser");
        }
        if (!"t".equals(Sql.string(c, "SELECT has_database_privilege(current_database(), 'CREATE')"))) {
            return CheckResult.fail(id(), user + " may not create publications in this database",
                    "GRANT CREATE ON DATABASE " + Sql.string(c, "SELECT current_database()") + " TO " + user + ";");
        }
        List<String> notOwned = notOwned(context);
        if (notOwned.isEmpty()) {
            return CheckResult.pass(id(), user + " owns every selected table");
        }
        return CheckResult.fail(id(), user + " does not own " + String.join(", ", notOwned)
                        + ", so it cannot add them to a publication",
                "have the owner run CREATE PUBLICATION ferry_<task> FOR TABLE ...; before the first start, or grant "
                        + "the owning role to " + user);
    }

    private static List<String> notOwned(PreflightContext context) throws SQLException {
        List<String> out = new ArrayList<>();
        String sql = "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        try (PreparedStatement ps = context.connection().prepareStatement(sql)) {
            for (TableRef t : context.selectedTables()) {
                ps.setString(1, t.schema());
                ps.setString(2, t.table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getBoolean(1)) {
                        out.add(t.toString());
                    }
                }
            }
        }
        return out;
    }
}
