package dev.ferry.runtime.cli;

/** Runs {@code ferry} in-process from tests in other packages. */
public final class CliRunner {
    private CliRunner() {
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(String... args) {
        CliRun r = CliRun.of(args);
        return new Result(r.exit(), r.out(), r.err());
    }
}
