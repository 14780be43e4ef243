package dev.ferry.sink.config;

/** Values of a {@link SinkConfig} enum key, written in configs in lower case with dashes. */
public enum PrepMode implements SinkConfig.ConfigEnum {
    DO_NOTHING, DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD
}
