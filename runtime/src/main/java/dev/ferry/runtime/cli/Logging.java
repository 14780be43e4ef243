package dev.ferry.runtime.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Run-time switches of the log4j2 configuration shipped in {@code log4j2.properties}. */
final class Logging {
    private Logging() {
    }

    /** {@code --verbose}: INFO everywhere, DEBUG for Ferry. */
    static void verbose() {
        Configurator.setRootLevel(Level.INFO);
        Configurator.setLevel("dev.ferry", Level.DEBUG);
        Configurator.setLevel("io.debezium", Level.INFO);
    }
}
