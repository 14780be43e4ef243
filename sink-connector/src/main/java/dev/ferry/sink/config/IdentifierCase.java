package dev.ferry.sink.config;

/** Values of a {@link SinkConfig} enum key, written in configs in lower case with dashes. */
public enum IdentifierCase implements SinkConfig.ConfigEnum {
    AUTO, LOWER, PRESERVE
}
