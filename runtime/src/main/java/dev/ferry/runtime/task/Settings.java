package dev.ferry.runtime.task;

/**
 * The {@code settings} block of a task file; defaults as documented in docs/task-file.md.
 *
 * @param deleteAppliedRecords {@code auto}, {@code yes} or {@code no}
 */
public record Settings(String targetTablePrepMode, String identifierCase, String errorPolicy, String controlSchema,
                       int parallelTables, String deleteAppliedRecords) {

    public static Settings defaults() {
        return new Settings("drop-and-create", "lower", "stop-task", "ferry", 4, "auto");
    }
}
