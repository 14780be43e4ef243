package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.util.function.Predicate;

/** One global privilege the binlog connector needs; a failure names the GRANT statement to run. */
final class MySqlPrivilegeCheck implements PreflightCheck {
    private final String privilege;
    private final String[] accepted;
    private final String why;
    private final Predicate<PreflightContext> applies;

    /**
     * @param privilege the name to grant (differs between MariaDB and MySQL for the monitor privilege)
     * @param accepted names that satisfy the need, including aliases
     */
    MySqlPrivilegeCheck(String privilege, String why, Predicate<PreflightContext> applies, String... accepted) {
        this.privilege = privilege;
        this.accepted = accepted;
        this.why = why;
        this.applies = applies;
    }

    @Override
    public String id() {
        return "mysql.privilege." + privilege.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily() && applies.test(context);
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        MySqlGrants grants = MySqlGrants.of(context.connection());
        if (grants.hasGlobal(accepted)) {
            return CheckResult.pass(id(), grants.account() + " has " + privilege);
        }
        return CheckResult.fail(id(), grants.account() + " lacks " + privilege + " (" + why + ")",
                "GRANT " + privilege + " ON *.* TO " + grants.account() + ";");
    }
}
