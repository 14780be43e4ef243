package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Plain micro-benchmark (no JMH): one thread applies the SMT to update events (before and after images) of a
 * 20-column table with 5 transformation rules. Run it with
 * {@code mvn -B -q -o test -pl transforms -Dtest=TableMappingBenchmark -Dferry.benchmark=true}
 * and read {@code transforms/target/benchmark.txt}. Not part of the default build: timing is not a unit test.
 */
class TableMappingBenchmark {
    private static final int DISTINCT = 1024;
    private static final String MAPPING = """
            {"rules": [
              {"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
               "object-locator": {"schema-name": "shop", "table-name": "%"}},
              {"rule-type": "transformation", "rule-id": "2", "rule-name": "2", "rule-target": "table",
               "object-locator": {"schema-name": "shop", "table-name": "%"}, "rule-action": "add-prefix",
               "value": "snc_"},
              {"rule-type": "transformation", "rule-id": "3", "rule-name": "3", "rule-target": "column",
               "object-locator": {"schema-name": "shop", "table-name": "%", "column-name": "c1"},
               "rule-action": "rename", "value": "customer_name"},
              {"rule-type": "transformation", "rule-id": "4", "rule-name": "4", "rule-target": "column",
               "object-locator": {"schema-name": "shop", "table-name": "%", "column-name": "c19"},
               "rule-action": "remove-column"},
              {"rule-type": "transformation", "rule-id": "5", "rule-name": "5", "rule-target": "column",
               "object-locator": {"schema-name": "shop", "table-name": "%", "column-name": "c2"},
               "rule-action": "data-masking-digits-mask", "value": "#"},
              {"rule-type": "transformation", "rule-id": "6", "rule-name": "6", "rule-target": "column",
               "object-locator": {"schema-name": "shop", "table-name": "%"}, "rule-action": "add-column",
               "value": "label", "expression": "upper($c1)", "data-type": {"type": "string", "length": 50}}
            ]}""";

    @Test
    @EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        DebeziumRecords table = DebeziumRecords.table("shop", "orders");
        table.column("id", Schema.Type.INT64, "BIGINT", false);
        for (int i = 1; i < 20; i++) {
            switch (i % 4) {
                case 0 -> table.column("c" + i, Schema.Type.INT32, "INT", true);
                case 3 -> table.column("c" + i, Decimal.builder(2).optional()
                        .parameter("__debezium.source.column.type", "DECIMAL").build());
                default -> table.column("c" + i, Schema.Type.STRING, "VARCHAR", true);
            }
        }
        table.key("id").build();
        SinkRecord[] records = new SinkRecord[DISTINCT];
        for (int r = 0; r < DISTINCT; r++) {
            records[r] = table.update(row(table, r), row(table, r + 1));
        }
        TableMappingTransform smt = new TableMappingTransform();
        smt.configure(Map.of("mapping", MAPPING, "topic.prefix", DebeziumRecords.PREFIX));
        run(smt, records, 2_000_000);
        long best = 0;
        StringBuilder report = new StringBuilder();
        for (int round = 0; round < 5; round++) {
            long perSecond = run(smt, records, 2_000_000);
            best = Math.max(best, perSecond);
            report.append("round ").append(round + 1).append(": ").append(perSecond).append(" records/s\n");
        }
        report.append("best: ").append(best).append(" records/s (20 columns, 5 transformation rules, update events)\n");
        System.out.print(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark.txt"), report);
    }

    private static Struct row(DebeziumRecords table, int n) {
        Struct s = new Struct(table.rowSchema());
        s.put("id", (long) n);
        for (int i = 1; i < 20; i++) {
            switch (i % 4) {
                case 0 -> s.put("c" + i, n * i);
                case 3 -> s.put("c" + i, BigDecimal.valueOf(n * 100L + i, 2));
                default -> s.put("c" + i, "value " + n + " / tel +1 555 " + (1000 + i));
            }
        }
        return s;
    }

    private static long run(TableMappingTransform smt, SinkRecord[] records, int count) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            SinkRecord out = smt.apply(records[i & (DISTINCT - 1)]);
            sink += out.topic().length();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.println("unlikely");
        }
        return (long) (count / (elapsed / 1e9));
    }
}
