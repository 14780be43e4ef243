package dev.ferry.runtime.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/ferry}: the command-line entry point. Sub-commands are added here as they are built; each is a small
 * class of its own. Exit codes follow the brief (§3): 0 success, 1 the job failed, 2 bad usage or configuration.
 */
@Command(name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = "Moves a live MySQL, MariaDB or PostgreSQL database to another one: full load, ongoing "
                + "replication (CDC) and validation, on Debezium, Kafka and Kafka Connect.",
        subcommands = {MigrateCommand.class, DemoCommand.class, StatusCommand.class, WaitCommand.class,
            CleanupCommand.class, TestConnectionCommand.class, SchemasCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class FerryCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log details (INFO for Ferry, Kafka and Debezium) to stderr.")
    void verbose(boolean on) {
        if (on) {
            Logging.verbose();
        }
    }

    /** Without a sub-command, print the usage and fail as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands above");
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FerryCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    public static void main(String[] args) {
        if (args.length > 0 && "migrate".equals(args[0])) {
            MigrateCommand.processSignal = new dev.ferry.runtime.migrate.StopSignal();
            MigrateCommand.processSignal.installHandlers();
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
