package dev.ferry.runtime.task;

import java.nio.file.Path;

import dev.ferry.source.debezium.MigrationType;
import dev.ferry.source.endpoint.Endpoint;

/**
 * A parsed and validated task file (brief §3). Secrets are resolved; {@link #toString()} masks them.
 *
 * @param file the task file, absolute
 * @param tableMappings the DMS table-mapping document as JSON text
 * @param bootstrapServers empty when Ferry runs its embedded broker
 * @param dataDir absolute
 */
public record TaskFile(Path file, String name, MigrationType migrationType, Endpoint source, Endpoint target,
                       String tableMappings, Settings settings, String bootstrapServers, Path dataDir) {

    public boolean embeddedKafka() {
        return bootstrapServers.isBlank();
    }

    /** PostgreSQL slot and publication name: {@code ferry_<name with - as _>}. */
    public String slotName() {
        return "ferry_" + name.replace('-', '_');
    }
}
