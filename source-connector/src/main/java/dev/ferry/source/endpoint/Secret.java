package dev.ferry.source.endpoint;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password as written in a task file: plain text, {@code ${env:NAME}} or {@code ${file:path:key}} (a Java
 * properties file; a relative path is resolved against the task file's directory). {@link #toString()} never shows
 * the value. References use the syntax of Kafka's {@code EnvVarConfigProvider} and {@code FileConfigProvider}, so a
 * connector configuration can carry the reference instead of the value.
 */
public final class Secret {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern FILE = Pattern.compile("\\$\\{file:(.+):([^:}]+)}");
    public static final String MASK = "********";

    private final String written;
    private final String value;
    private final String reference;

    private Secret(String written, String value, String reference) {
        this.written = written;
        this.value = value;
        this.reference = reference;
    }

    /** A secret given as plain text. */
    public static Secret plain(String value) {
        return new Secret(value, Objects.requireNonNull(value), null);
    }

    /**
     * Resolves what a task file holds: a reference is looked up now (a missing variable, file or key is an error
     * naming it, never the value), plain text is taken as is.
     */
    public static Secret resolve(String written, Path baseDir, Function<String, String> env) {
        if (written == null) {
            return plain("");
        }
        Matcher e = ENV.matcher(written.trim());
        if (e.matches()) {
            String v = env.apply(e.group(1));
            if (v == null) {
                throw new IllegalArgumentException("environment variable " + e.group(1) + " is not set; export it or "
                        + "write the password another way");
            }
            return new Secret(written, v, written.trim());
        }
        Matcher f = FILE.matcher(written.trim());
        if (f.matches()) {
            Path file = baseDir.resolve(f.group(1)).toAbsolutePath().normalize();
            String v = readKey(file, f.group(2));
            return new Secret(written, v, "${file:" + file + ":" + f.group(2) + "}");
        }
        if (written.contains("${")) {
            throw new IllegalArgumentException("unsupported secret reference; use ${env:NAME} or ${file:path:key}");
        }
        return plain(written);
    }

    /** Resolves with the process environment. */
    public static Secret resolve(String written, Path baseDir) {
        return resolve(written, baseDir, System::getenv);
    }

    private static String readKey(Path file, String key) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot read secrets file " + file + " (" + ex.getClass().getSimpleName()
                    + "); check the path and its permissions", ex);
        }
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("secrets file " + file + " has no key '" + key + "'");
        }
        return v;
    }

    /** The clear value, for a JDBC {@code Properties} object only. */
    public String reveal() {
        return value;
    }

    /** The {@code ${...}} reference (file paths made absolute), or null when the secret was given as plain text. */
    public String reference() {
        return reference;
    }

    public boolean isReference() {
        return reference != null;
    }

    /** Replaces every occurrence of the clear value in a message (e.g. a driver's error text) by the mask. */
    public String scrub(String message) {
        if (message == null || value.isEmpty()) {
            return message;
        }
        return message.replace(value, MASK);
    }

    /** Environment lookups for tests. */
    public static Function<String, String> envOf(Map<String, String> vars) {
        return vars::get;
    }

    @Override
    public String toString() {
        return reference != null ? reference : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }
}
