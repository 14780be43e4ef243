package dev.ferry.runtime.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.ferry.source.debezium.MigrationType;
import dev.ferry.source.endpoint.Endpoint;

/**
 * Reads a task file (YAML, brief §3). Every problem is reported as {@code file:line: message}; an unknown key names
 * the nearest valid key, an unknown value the allowed ones. Relative paths resolve against the file's directory.
 */
public final class TaskFileParser {
    static final List<String> TOP_KEYS = List.of("name", "migration-type", "source", "target", "table-mappings",
            "settings", "kafka", "data-dir");
    static final List<String> SETTINGS_KEYS = List.of("target-table-prep-mode", "identifier-case", "error-policy",
            "control-schema", "parallel-tables", "delete-applied-records");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> env;

    public TaskFileParser(Function<String, String> env) {
        this.env = env;
    }

    public TaskFileParser() {
        this(System::getenv);
    }

    public TaskFile parse(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaskFileException(List.of(abs + ": cannot read the task file (" + e.getClass().getSimpleName()
                    + "); check the path given with -c"));
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new TaskFileException(List.of(abs.getFileName() + ":" + line + ": not valid YAML: "
                    + e.getOriginalMessage()));
        }
        Problems problems = new Problems(abs, YamlLines.of(text));
        if (root == null || !root.isObject()) {
            throw new TaskFileException(List.of(abs.getFileName() + ":1: a task file is a YAML mapping with keys "
                    + String.join(", ", TOP_KEYS)));
        }
        TaskFile task = read(root, abs, problems);
        problems.throwIfAny();
        return task;
    }

    private TaskFile read(JsonNode root, Path file, Problems p) {
        Path dir = file.getParent();
        p.unknownKeys(root, "", TOP_KEYS);
        String name = p.required(root, "name");
        if (name != null && !name.matches("[a-z0-9-]{1,40}")) {
            p.add("name", "name '" + name + "' must be 1-40 characters of a-z, 0-9 and '-' (it names topics and slots)");
        }
        MigrationType type = p.choice(root, "migration-type", "full-load-and-cdc", MigrationType::of,
                MigrationType.allowed());
        EndpointReader endpoints = new EndpointReader(p, dir, env);
        Endpoint source = endpoints.read(root.path("source"), "source");
        Endpoint target = endpoints.read(root.path("target"), "target");
        String mappings = mappings(root.path("table-mappings"), dir, p);
        Settings settings = settings(root.path("settings"), p);
        JsonNode kafka = root.path("kafka");
        p.unknownKeys(kafka, "kafka", List.of("bootstrap-servers"));
        String bootstrap = kafka.path("bootstrap-servers").asText("");
        String dataDir = root.path("data-dir").asText("./ferry-data");
        return new TaskFile(file, name, type, source, target, mappings, settings, bootstrap,
                dir.resolve(dataDir).toAbsolutePath().normalize());
    }

    private static String mappings(JsonNode node, Path dir, Problems p) {
        if (node.isMissingNode() || node.isNull()) {
            p.add("table-mappings", "table-mappings is missing: give the path of a DMS table-mapping JSON file, or "
                    + "the rules inline as {rules: [...]}");
            return null;
        }
        try {
            if (node.isTextual()) {
                Path f = dir.resolve(node.asText()).toAbsolutePath().normalize();
                if (!Files.isReadable(f)) {
                    p.add("table-mappings", "table-mappings file " + f + " does not exist or cannot be read");
                    return null;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                JsonNode doc = f.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml") ? YAML.readTree(text)
                        : JSON.readTree(text);
                return JSON.writeValueAsString(doc);
            }
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            p.add("table-mappings", "table-mappings cannot be parsed: " + firstLine(e.getMessage()));
            return null;
        }
    }

    private static Settings settings(JsonNode node, Problems p) {
        p.unknownKeys(node, "settings", SETTINGS_KEYS);
        Settings d = Settings.defaults();
        String prep = p.oneOf(node, "settings", "target-table-prep-mode", d.targetTablePrepMode(),
                List.of("do-nothing", "drop-and-create", "truncate-before-load"));
        String identifierCase = p.oneOf(node, "settings", "identifier-case", d.identifierCase(),
                List.of("lower", "preserve"));
        String errorPolicy = p.oneOf(node, "settings", "error-policy", d.errorPolicy(),
                List.of("stop-task", "log-error", "ignore-record"));
        String controlSchema = node.path("control-schema").asText(d.controlSchema());
        int parallel = node.path("parallel-tables").asInt(d.parallelTables());
        if (parallel < 1) {
            p.add("settings.parallel-tables", "settings.parallel-tables must be at least 1");
        }
        String delete = p.oneOf(node, "settings", "delete-applied-records", d.deleteAppliedRecords(),
                List.of("auto", "yes", "no"));
        return new Settings(prep, identifierCase, errorPolicy, controlSchema, parallel, delete);
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Collects problems with their file and line. */
    static final class Problems {
        private final Path file;
        private final YamlLines lines;
        private final List<String> messages = new ArrayList<>();

        Problems(Path file, YamlLines lines) {
            this.file = file;
            this.lines = lines;
        }

        void add(String path, String message) {
            messages.add(file.getFileName() + ":" + lines.line(path) + ": " + message);
        }

        void unknownKeys(JsonNode node, String path, List<String> allowed) {
            if (node == null || !node.isObject()) {
                return;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    String at = path.isEmpty() ? key : path + "." + key;
                    String hint = Keys.nearest(key, allowed).map(k -> "did you mean '" + k + "'?")
                            .orElse("allowed keys: " + String.join(", ", allowed));
                    add(at, "unknown key '" + at + "'; " + hint);
                }
            }
        }

        String required(JsonNode node, String key) {
            JsonNode v = node.path(key);
            if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
                add(key, key + " is required");
                return null;
            }
            return v.asText();
        }

        <T> T choice(JsonNode node, String key, String dflt, Function<String, T> parse, String allowed) {
            String v = node.path(key).asText(dflt);
            try {
                return parse.apply(v);
            } catch (IllegalArgumentException e) {
                add(key, key + " '" + v + "' is not valid; allowed values: " + allowed);
                return null;
            }
        }

        String oneOf(JsonNode node, String block, String key, String dflt, List<String> allowed) {
            JsonNode v = node == null ? MissingNode.getInstance() : node.path(key);
            String value = v.isMissingNode() || v.isNull() ? dflt : v.asText();
            if (!allowed.contains(value)) {
                add(block + "." + key, block + "." + key + " '" + value + "' is not valid; allowed values: "
                        + String.join(", ", allowed));
            }
            return value;
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new TaskFileException(messages);
            }
        }
    }
}
