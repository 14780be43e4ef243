package dev.ferry.sink.contract;

import dev.ferry.testkit.MariaDbDatabase;
import dev.ferry.testkit.MariaDbExtension;
import dev.ferry.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbSinkContractTest extends SinkContractTest {
    private MariaDbDatabase db;

    @BeforeAll
    void database(MariaDbDatabase db) {
        this.db = db;
    }

    @Override protected TestDatabase db() { return db; }
    @Override protected String schema() { return db.name(); }
    @Override protected String controlSchema() { return db.name(); }
    @Override protected String text(String column) { return "CAST(" + column + " AS CHAR)"; }
    @Override protected String hex(String column) { return "HEX(" + column + ")"; }
    @Override protected String quote(String identifier) { return '`' + identifier + '`'; }
    @Override protected String kolkataSession() { return "SET time_zone = '+05:30'"; }

    @Override
    protected Map<String, String> targetSpecificText() {
        return Map.of("tmax", "838:59:59.000000", "tmin", "-838:59:59.000000", "ts3", "2024-06-01 17:30:00.123",
                "st", "a,c");
    }
}
