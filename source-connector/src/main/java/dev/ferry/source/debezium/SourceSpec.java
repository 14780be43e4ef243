package dev.ferry.source.debezium;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.ferry.source.endpoint.Endpoint;

/**
 * Everything the source side of one task needs to build its Debezium connector.
 *
 * @param taskName the task file's {@code name}: {@code [a-z0-9-]+}, at most 40 characters
 * @param tables captured tables in load order (the order of the incremental snapshot signal)
 * @param bootstrapServers Kafka bootstrap servers (schema history, signals)
 */
public record SourceSpec(String taskName, MigrationType migrationType, Endpoint endpoint, List<CapturedTable> tables,
                         String bootstrapServers, SourceOptions options) {

    public SourceSpec {
        Objects.requireNonNull(taskName, "taskName");
        if (!taskName.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("task name '" + taskName + "' must match [a-z0-9-]+ and be at most 40"
                    + " characters");
        }
        Objects.requireNonNull(migrationType, "migrationType");
        Objects.requireNonNull(endpoint, "endpoint");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("task " + taskName + " captures no table; check the selection rules");
        }
        Set<String> seen = new HashSet<>();
        for (CapturedTable t : tables) {
            if (!seen.add(t.id())) {
                throw new IllegalArgumentException("table " + t.id() + " is listed twice");
            }
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are required");
        }
        options = options == null ? SourceOptions.defaults() : options;
    }

    public List<CapturedTable> keyedTables() {
        return tables.stream().filter(CapturedTable::keyed).toList();
    }

    public List<CapturedTable> keylessTables() {
        return tables.stream().filter(t -> !t.keyed()).toList();
    }
}
