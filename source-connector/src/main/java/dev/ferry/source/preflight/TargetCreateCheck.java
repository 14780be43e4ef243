package dev.ferry.source.preflight;

import java.sql.SQLException;

/** The target user must be able to create schemas (databases on MySQL/MariaDB) and tables in them. */
final class TargetCreateCheck implements PreflightCheck {
    @Override
    public String id() {
        return "target.create";
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return true;
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        var c = context.connection();
        if (context.isMySqlFamily()) {
            MySqlGrants grants = MySqlGrants.of(c);
            if (grants.hasGlobal("CREATE")) {
                return CheckResult.pass(id(), grants.account() + " may create databases and tables");
            }
            return CheckResult.warn(id(), grants.account() + " has no global CREATE: it can only write into databases "
                    + "that exist and where it was granted rights", "GRANT CREATE, ALTER, DROP, INDEX, INSERT, UPDATE, "
                    + "DELETE, SELECT ON *.* TO " + grants.account() + "; or create the target databases first");
        }
        String db = Sql.string(c, "SELECT current_database()");
        String user = Sql.string(c, "SELECT current_user");
        if ("t".equals(Sql.string(c, "SELECT has_database_privilege(current_database(), 'CREATE')"))) {
            return CheckResult.pass(id(), user + " may create schemas in " + db);
        }
        return CheckResult.fail(id(), user + " may not create schemas in " + db,
                "GRANT CREATE ON DATABASE " + db + " TO " + user + ";");
    }
}
