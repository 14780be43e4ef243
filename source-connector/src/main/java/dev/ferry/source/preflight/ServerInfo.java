package dev.ferry.source.preflight;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.source.endpoint.Engine;

/** What server we talk to: the engine as the server reports it (not as configured) and its version. */
public record ServerInfo(Engine engine, String version, int major, int minor) {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

    public static ServerInfo of(Connection c, Engine configured) throws SQLException {
        String version = Sql.string(c, "SELECT VERSION()");
        Engine actual = configured == Engine.POSTGRES ? Engine.POSTGRES
                : version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? Engine.MARIADB : Engine.MYSQL;
        Matcher m = NUMBERS.matcher(configured == Engine.POSTGRES ? Sql.string(c, "SHOW server_version") : version);
        int major = m.find() ? Integer.parseInt(m.group(1)) : 0;
        int minor = m.groupCount() >= 2 && major > 0 ? Integer.parseInt(m.group(2)) : 0;
        return new ServerInfo(actual, version, major, minor);
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }

    public boolean isMariaDb() {
        return engine == Engine.MARIADB;
    }

    public boolean isMySql() {
        return engine == Engine.MYSQL;
    }
}
