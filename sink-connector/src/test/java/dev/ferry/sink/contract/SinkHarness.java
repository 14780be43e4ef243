package dev.ferry.sink.contract;

import dev.ferry.sink.FerrySinkTaskAccess;
import dev.ferry.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives a real sink task against a test database and reads the result back. */
final class SinkHarness {
    private final TestDatabase db;
    private final String controlSchema;

    SinkHarness(TestDatabase db, String controlSchema) {
        this.db = db;
        this.controlSchema = controlSchema;
    }

    Map<String, String> props(String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "contract");
        p.put("connection.url", db.jdbcUrl());
        p.put("connection.user", db.user());
        p.put("connection.password", db.password());
        p.put("control-schema", controlSchema);
        p.put("batch.size", "100000");
        p.put("flush.interval.ms", "3600000");
        p.put("retry.backoff.ms", "10");
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    FerrySinkTaskAccess task(Map<String, String> props, String... topics) {
        return FerrySinkTaskAccess.started(props, topics);
    }

    List<List<String>> rows(String sql) {
        return rows(sql, null);
    }

    List<List<String>> rows(String sql, String sessionSql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (sessionSql != null) {
                s.execute(sessionSql);
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                List<List<String>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
