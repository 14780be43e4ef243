package dev.ferry.source.preflight;

import java.sql.Connection;
import java.util.List;

import dev.ferry.source.endpoint.Endpoint;

/**
 * What the checks look at: an open connection to the source as the task's user, the server, and the tables the
 * mapping selected.
 */
public record PreflightContext(Endpoint endpoint, Connection connection, ServerInfo server,
                               List<TableRef> selectedTables) {

    public PreflightContext {
        selectedTables = List.copyOf(selectedTables);
    }

    /** Key-less tables are read by an aligned initial snapshot, which on MySQL/MariaDB takes a global read lock. */
    public boolean hasKeylessTables() {
        return selectedTables.stream().anyMatch(t -> !t.keyed());
    }

    public boolean isMySqlFamily() {
        return server.engine().isMySqlFamily();
    }
}
