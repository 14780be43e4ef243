package dev.ferry.sink.config;

/** Values of a {@link SinkConfig} enum key, written in configs in lower case with dashes. */
public enum DialectChoice implements SinkConfig.ConfigEnum {
    AUTO, POSTGRES, MYSQL, MARIADB
}
