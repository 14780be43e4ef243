package dev.ferry.runtime.cli;

import dev.ferry.runtime.task.TaskFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr (what failed, where, what to do) and an exit code.
 * The stack trace goes to the log only, at DEBUG, so {@code --verbose} shows it.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.debug("Command failed", e);
        if (e instanceof TaskFileException tfe) {
            // Every problem of a task file, one per line, the first one first.
            tfe.problems().forEach(p -> cli.getErr().println("ferry: " + p));
            return FerryCli.EXIT_USAGE;
        }
        cli.getErr().println("ferry: " + firstLine(message));
        return e instanceof UsageException ? FerryCli.EXIT_USAGE : FerryCli.EXIT_FAILED;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
