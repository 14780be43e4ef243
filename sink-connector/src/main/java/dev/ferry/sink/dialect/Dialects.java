package dev.ferry.sink.dialect;

import dev.ferry.sink.config.DialectChoice;
import org.apache.kafka.common.config.ConfigException;

/** Chooses the dialect from the JDBC URL, or from the {@code dialect} setting when it is not {@code auto}. */
public final class Dialects {
    private Dialects() {
    }

    public static Dialect choose(DialectChoice choice, String jdbcUrl) {
        DialectChoice c = choice == DialectChoice.AUTO ? fromUrl(jdbcUrl) : choice;
        switch (c) {
            case POSTGRES: return new PostgresDialect();
            case MARIADB: return new MariaDbDialect();
            case MYSQL: return new MySqlDialect();
            default: throw new IllegalStateException(c.toString());
        }
    }

    static DialectChoice fromUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return DialectChoice.POSTGRES;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return DialectChoice.MARIADB;
        }
        if (url.startsWith("jdbc:mysql:")) {
            return DialectChoice.MYSQL;
        }
        throw new ConfigException("connection.url", url.replaceAll("password=[^&;]*", "password=***"),
                "cannot tell the dialect from this JDBC URL; use jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:, "
                        + "or set dialect to postgres, mysql or mariadb");
    }
}
