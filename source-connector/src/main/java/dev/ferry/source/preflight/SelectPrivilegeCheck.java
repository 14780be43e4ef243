package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every selected table exists and the user may read it: one {@code SELECT ... LIMIT 0} per table, which is what the
 * snapshot will need, so grants at any level (global, database, table, role) count.
 */
final class SelectPrivilegeCheck implements PreflightCheck {
    @Override
    public String id() {
        return "source.select";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return !context.selectedTables().isEmpty();
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        for (TableRef t : context.selectedTables()) {
            try (Statement s = context.connection().createStatement()) {
                s.executeQuery("SELECT * FROM " + quote(context, t.schema()) + "." + quote(context, t.table())
                        + " WHERE 1 = 0").close();
            } catch (SQLException e) {
                unreadable.add(t + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        if (unreadable.isEmpty()) {
            return CheckResult.pass(id(), "all " + context.selectedTables().size() + " selected tables are readable");
        }
        String user = context.endpoint().username();
        String fix = context.isMySqlFamily()
                ? "GRANT SELECT ON <database>.* TO '" + user + "'@'%'; for each database listed"
                : "GRANT SELECT ON ALL TABLES IN SCHEMA <schema> TO " + user + "; for each schema listed";
        return CheckResult.fail(id(), "cannot read " + String.join(", ", unreadable), fix);
    }

    static String quote(PreflightContext context, String identifier) {
        return context.isMySqlFamily()
                ? "`" + identifier.replace("`", "``") + "`"
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
