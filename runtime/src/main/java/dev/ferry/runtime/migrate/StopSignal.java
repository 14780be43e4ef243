package dev.ferry.runtime.migrate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGINT / SIGTERM as the runner sees them: the first asks for an orderly stop (flush, commit, close within 30 s);
 * the second stops the JVM at once (the task stays resumable). Remembers which signal came, for exit 130 or 143.
 */
public final class StopSignal {
    private final AtomicReference<String> signal = new AtomicReference<>();
    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs handlers for INT and TERM (JVM-wide; call once, from the command line entry point). */
    @SuppressWarnings("restriction")
    public void installHandlers() {
        for (String name : new String[] {"INT", "TERM"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> onSignal(s.getName()));
        }
    }

    void onSignal(String name) {
        org.slf4j.LoggerFactory.getLogger(StopSignal.class).warn("SIG{} received: stopping (a second signal stops at once)",
                name);
        if (!signal.compareAndSet(null, name)) {
            Runtime.getRuntime().halt("INT".equals(signal.get()) ? 130 : 143);
        }
        requested.countDown();
    }

    /** Asks for an orderly stop without an OS signal (tests, embedded use). */
    public void request() {
        onSignal("TERM");
    }

    public boolean isRequested() {
        return signal.get() != null;
    }

    /** Waits up to {@code millis} for a stop request; true when one came. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** 130 after SIGINT, 143 after SIGTERM. */
    public int interruptedExitCode() {
        return "INT".equals(signal.get()) ? 130 : 143;
    }
}
