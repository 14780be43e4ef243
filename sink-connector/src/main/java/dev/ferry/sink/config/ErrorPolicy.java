package dev.ferry.sink.config;

/** Values of a {@link SinkConfig} enum key, written in configs in lower case with dashes. */
public enum ErrorPolicy implements SinkConfig.ConfigEnum {
    STOP_TASK, LOG_ERROR, IGNORE_RECORD
}
