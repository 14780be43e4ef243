package dev.ferry.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code ferry-version.properties}, plus the Java runtime in use. */
public final class FerryVersion implements IVersionProvider {

    public static String version() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("/ferry-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ferry-version.properties", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ferry " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
