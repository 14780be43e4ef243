package dev.ferry.runtime.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.endpoint.Endpoint;

/**
 * What may not change between runs of one task: source, target, migration type and mapping document (brief §3).
 * Kept in {@code <data-dir>/task.json}; a difference is exit 2 naming what changed, unless {@code --restart}.
 */
public record Fingerprint(Map<String, String> parts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static Fingerprint of(TaskFile task) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("source", endpoint(task.source()));
        parts.put("target", endpoint(task.target()));
        parts.put("migration-type", task.migrationType().id());
        parts.put("table-mappings", canonical(task.tableMappings()));
        return new Fingerprint(parts);
    }

    private static String endpoint(Endpoint e) {
        return e.engine() + "://" + e.host() + ":" + e.port() + "/" + e.databaseName().orElse("");
    }

    private static String canonical(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (IOException e) {
            return json;
        }
    }

    /** The parts that differ from {@code stored}, e.g. {@code [source, table-mappings]}. */
    public List<String> changedSince(Fingerprint stored) {
        List<String> changed = new ArrayList<>();
        parts.forEach((k, v) -> {
            if (!v.equals(stored.parts.get(k))) {
                changed.add(k);
            }
        });
        return changed;
    }

    public static Fingerprint read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> parts = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Map.class);
            return new Fingerprint(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(parts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
