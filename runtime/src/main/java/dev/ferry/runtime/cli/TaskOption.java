package dev.ferry.runtime.cli;

import java.nio.file.Path;

import dev.ferry.runtime.task.TaskFile;
import dev.ferry.runtime.task.TaskFileParser;
import picocli.CommandLine.Option;

/** The {@code -c task.yaml} option every task command takes. */
public final class TaskOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "TASK_FILE",
            description = "The task file (YAML): source, target, table mappings, settings.")
    Path file;

    public TaskFile load() {
        return new TaskFileParser().parse(file);
    }
}
