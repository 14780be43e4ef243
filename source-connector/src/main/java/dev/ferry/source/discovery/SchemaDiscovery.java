package dev.ferry.source.discovery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ferry.source.endpoint.Endpoint;
import dev.ferry.source.endpoint.JdbcEndpoints;

/** "Refresh schemas": reads the catalogue of an endpoint (all user schemas, or the ones named). */
public final class SchemaDiscovery {
    private SchemaDiscovery() {
    }

    public static Catalog discover(Endpoint endpoint, List<String> schemas) throws SQLException {
        try (Connection c = JdbcEndpoints.connect(endpoint)) {
            return discover(c, endpoint.engine().isMySqlFamily(), schemas);
        }
    }

    public static Catalog discover(Connection c, boolean mysqlFamily, List<String> schemas) throws SQLException {
        return mysqlFamily ? new MySqlCatalogReader(c).read(schemas) : new PostgresCatalogReader(c).read(schemas);
    }
}
