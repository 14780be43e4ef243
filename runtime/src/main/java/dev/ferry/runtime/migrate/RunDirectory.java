package dev.ferry.runtime.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.ferry.runtime.task.TaskFile;

/**
 * The files a task keeps in its data directory: {@code runtime.json} (pid and ports of the running instance),
 * {@code task.json} (fingerprint), {@code state.json} (what this task already did), {@code secrets.properties}
 * (plain-text passwords, mode 600, read by the worker's file config provider), {@code kafka/} and {@code logs/}.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }

    public Path path() {
        return dir;
    }

    public Path kafkaDir() {
        return dir.resolve("kafka");
    }

    public Path logFile() {
        return dir.resolve("logs").resolve("ferry.log");
    }

    public Path fingerprintFile() {
        return dir.resolve("task.json");
    }

    public Path secretsFile() {
        return dir.resolve("secrets.properties");
    }

    public Path runtimeFile() {
        return dir.resolve("runtime.json");
    }

    /** Writes the plain-text passwords of the task (references are left to their providers), readable by us only. */
    public void writeSecrets(TaskFile task) {
        Properties p = new Properties();
        if (!task.source().password().isReference()) {
            p.setProperty("source.password", task.source().password().reveal());
        }
        if (!task.target().password().isReference()) {
            p.setProperty(TaskConnectors.TARGET_PASSWORD_KEY, task.target().password().reveal());
        }
        Path file = secretsFile();
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                p.store(w, "Written by ferry for its Kafka Connect worker; deleted by `ferry cleanup`");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public void writeRuntime(Map<String, Object> info) {
        write(runtimeFile(), info);
    }

    public Map<String, Object> readRuntime() {
        return read(runtimeFile());
    }

    public void deleteRuntime() {
        try {
            Files.deleteIfExists(runtimeFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunState readState() {
        Map<String, Object> m = read(dir.resolve("state.json"));
        return RunState.from(m);
    }

    public void writeState(RunState state) {
        write(dir.resolve("state.json"), state.toMap());
    }

    private static void write(Path file, Map<String, Object> content) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(content), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
