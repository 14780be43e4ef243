package dev.ferry.runtime.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.runtime.migrate.TaskWaiter;
import dev.ferry.runtime.task.TaskFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry wait -c task.yaml --for full-load|caught-up}: blocks until the condition holds (brief §3). */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until every table's full load is completed (--for full-load), or until every change "
                + "committed on the source before the wait began has been applied to the target (--for caught-up). "
                + "Exit 0 when the condition holds, 1 if the task failed, 124 on timeout.")
public final class WaitCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Mixin
    TaskOption task;

    @Option(names = "--for", required = true, paramLabel = "full-load|caught-up", description = "The condition.")
    String condition;

    @Option(names = "--max-lag", paramLabel = "DURATION", description = "caught-up only: also require the "
            + "replication lag to be at most this (a source position taken at time T must be applied by T + lag; "
            + "positions are taken again until one is). Default: no lag requirement.")
    String maxLag;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Give up after this long with exit 124 (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration limit = duration("--timeout", timeout);
        Duration lag = maxLag == null ? null : duration("--max-lag", maxLag);
        if (!"full-load".equals(condition) && !"caught-up".equals(condition)) {
            throw new UsageException("--for accepts full-load or caught-up, not '" + condition + "'");
        }
        if (lag != null && "full-load".equals(condition)) {
            throw new UsageException("--max-lag applies to --for caught-up only");
        }
        TaskFile t = task.load();
        TaskWaiter waiter = new TaskWaiter(t, spec.commandLine().getErr());
        return "full-load".equals(condition) ? waiter.fullLoad(limit) : waiter.caughtUp(lag, limit);
    }

    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " '" + text + "' is not a duration; write e.g. 30s, 500ms, 2m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
