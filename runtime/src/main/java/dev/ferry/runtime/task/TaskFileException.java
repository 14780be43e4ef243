package dev.ferry.runtime.task;

import java.util.List;

/**
 * A task file that cannot be used. Each problem is one line: {@code file:line: what is wrong; how to fix it}. The
 * exception message is all problems, the first line first.
 */
public final class TaskFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public TaskFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
