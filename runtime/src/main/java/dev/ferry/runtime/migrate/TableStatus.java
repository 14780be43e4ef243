package dev.ferry.runtime.migrate;

/**
 * Where one table stands, as shown to people and in JSON lines.
 *
 * @param state {@code before-load}, {@code full-load}, {@code completed} or {@code error}
 */
public record TableStatus(String source, String target, String state, long rows, long estimated, String error) {
}
