package dev.ferry.sink.contract;

import dev.ferry.testkit.PostgresDatabase;
import dev.ferry.testkit.PostgresExtension;
import dev.ferry.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSinkContractTest extends SinkContractTest {
    private PostgresDatabase db;

    @BeforeAll
    void database(PostgresDatabase db) {
        this.db = db;
    }

    @Override protected TestDatabase db() { return db; }
    @Override protected String schema() { return "app"; }
    @Override protected String controlSchema() { return "ferry"; }
    @Override protected String text(String column) { return column + "::text"; }
    @Override protected String hex(String column) { return "upper(encode(" + column + ", 'hex'))"; }
    @Override protected String quote(String identifier) { return '"' + identifier + '"'; }
    @Override protected String kolkataSession() { return "SET TIME ZONE 'Asia/Kolkata'"; }

    @Override
    protected Map<String, String> targetSpecificText() {
        return Map.of("tmax", "838:59:59", "tmin", "-838:59:59", "ts3", "2024-06-01 17:30:00.123+05:30",
                "st", "{a,c}");
    }
}
