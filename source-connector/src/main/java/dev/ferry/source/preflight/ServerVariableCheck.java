package dev.ferry.source.preflight;

import java.sql.SQLException;
import java.util.Locale;
import java.util.List;
import java.util.function.Predicate;

/**
 * A MySQL/MariaDB server variable that must hold one of the accepted values, e.g. {@code binlog_format = ROW}.
 * The fix names the option to put in the server configuration.
 */
final class ServerVariableCheck implements PreflightCheck {
    private final String id;
    private final String variable;
    private final List<String> accepted;
    private final String fix;
    private final Predicate<ServerInfo> applies;

    ServerVariableCheck(String id, String variable, List<String> accepted, String fix, Predicate<ServerInfo> applies) {
        this.id = id;
        this.variable = variable;
        this.accepted = accepted;
        this.fix = fix;
        this.applies = applies;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(PreflightContext context) {
        return context.isMySqlFamily() && applies.test(context.server());
    }

    @Override
    public CheckResult run(PreflightContext context) throws SQLException {
        String value = Sql.variable(context.connection(), variable);
        String shown = value == null ? "(not set)" : value;
        if (value != null && accepted.contains(value.toUpperCase(Locale.ROOT))) {
            return CheckResult.pass(id, variable + " is " + shown);
        }
        return CheckResult.fail(id, variable + " is " + shown + ", must be " + accepted.get(0), fix);
    }
}
