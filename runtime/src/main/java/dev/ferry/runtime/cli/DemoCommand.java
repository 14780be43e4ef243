package dev.ferry.runtime.cli;

import java.util.concurrent.Callable;

import dev.ferry.runtime.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry demo}: a self-contained MariaDB → PostgreSQL migration of Sakila, with live changes and proof. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded MariaDB and PostgreSQL, load the Sakila sample database, migrate it with "
                + "full load and CDC (DMS mapping: prefix snc_ on every table), make live changes on the source, and "
                + "prove that the target equals the source. Exit 0 only if it does. Needs nothing installed.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--full-load-only", description = "Run a full-load task without CDC and live changes.")
    boolean fullLoadOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return new Demo(spec.commandLine().getOut(), !fullLoadOnly).run();
    }
}
