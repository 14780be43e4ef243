package dev.ferry.transforms.smt;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Source filters apply to snapshot and change rows alike; updates can move rows into or out of the filter. */
class RowFilterSemanticsTest {

    private final TableMappingTransform smt = new TableMappingTransform();
    private final DebeziumRecords orders = DebeziumRecords.table("shop", "orders")
            .column("id", Schema.Type.INT32, "INT", false)
            .column("status", Schema.Type.STRING, "VARCHAR", true)
            .column("amount", Decimal.builder(2).optional().build())
            .column("created", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
            .key("id").build();

    @BeforeEach
    void configure() {
        smt.configure(Map.of("topic.prefix", "task1", "mapping", """
                {"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
                  "object-locator": {"schema-name": "shop", "table-name": "orders"},
                  "filters": [
                    {"filter-type": "source", "column-name": "status", "filter-conditions": [
                      {"filter-operator": "eq", "value": "open"}, {"filter-operator": "eq", "value": "paid"}]},
                    {"filter-type": "source", "column-name": "amount", "filter-conditions": [
                      {"filter-operator": "between", "start-value": "10", "end-value": "100.50"}]}]}]}"""));
    }

    private Struct row(String status, String amount) {
        return orders.row("id", 1, "status", status, "amount", amount == null ? null : new BigDecimal(amount),
                "created", 19000);
    }

    private static String op(SinkRecord r) {
        return ((Struct) r.value()).getString("op");
    }

    @Test
    void keepsSnapshotAndInsertRowsThatPassEveryFilter() {
        assertThat(smt.apply(orders.read(row("open", "10.00")))).isNotNull();
        assertThat(smt.apply(orders.insert(row("paid", "100.50")))).isNotNull();
    }

    @Test
    void dropsRowsThatFailAnyFilter() {
        assertThat(smt.apply(orders.read(row("closed", "50.00")))).isNull();
        assertThat(smt.apply(orders.insert(row("open", "100.51")))).isNull();
        assertThat(smt.apply(orders.insert(row("open", null)))).isNull();
    }

    @Test
    void updateInsideTheFilterStaysAnUpdate() {
        SinkRecord out = smt.apply(orders.update(row("open", "20.00"), row("paid", "20.00")));
        assertThat(op(out)).isEqualTo("u");
    }

    @Test
    void updateEnteringTheFilterStaysAnUpdateSoTheSinkUpserts() {
        SinkRecord out = smt.apply(orders.update(row("closed", "20.00"), row("open", "20.00")));
        assertThat(op(out)).isEqualTo("u");
        assertThat(((Struct) out.value()).getStruct("after").getString("status")).isEqualTo("open");
    }

    @Test
    void updateLeavingTheFilterBecomesADelete() {
        SinkRecord out = smt.apply(orders.update(row("open", "20.00"), row("closed", "20.00")));
        assertThat(op(out)).isEqualTo("d");
        assertThat(((Struct) out.value()).get("after")).isNull();
        assertThat(((Struct) out.value()).getStruct("before").getString("status")).isEqualTo("open");
        assertThat(((Struct) out.key()).getInt32("id")).isEqualTo(1);
    }

    @Test
    void updateWithoutABeforeImageThatFailsTheFilterBecomesADelete() {
        SinkRecord out = smt.apply(orders.update(null, row("closed", "20.00")));
        assertThat(op(out)).isEqualTo("d");
        assertThat(((Struct) out.value()).get("before")).isNull();
    }

    @Test
    void updateOutsideTheFilterIsDropped() {
        assertThat(smt.apply(orders.update(row("closed", "20.00"), row("void", "20.00")))).isNull();
    }

    @Test
    void deleteIsKeptOnlyWhenTheRowWasInTheFilter() {
        assertThat(smt.apply(orders.delete(row("open", "20.00")))).isNotNull();
        assertThat(smt.apply(orders.delete(row("closed", "20.00")))).isNull();
    }

    @Test
    void filtersOnDatesUseIsoLiterals() {
        TableMappingTransform dated = new TableMappingTransform();
        dated.configure(Map.of("topic.prefix", "task1", "mapping", """
                {"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
                  "object-locator": {"schema-name": "shop", "table-name": "orders"},
                  "filters": [{"filter-type": "source", "column-name": "created", "filter-conditions": [
                      {"filter-operator": "gte", "value": "2022-01-09"}]}]}]}"""));
        Struct early = orders.row("id", 1, "created", 19000);
        Struct late = orders.row("id", 2, "created", 19001);
        assertThat(dated.apply(orders.insert(early))).isNull();
        assertThat(dated.apply(orders.insert(late))).isNotNull();
    }

    @Test
    void nullAndNotNullOperatorsTestForMissingValues() {
        TableMappingTransform nulls = new TableMappingTransform();
        nulls.configure(Map.of("topic.prefix", "task1", "mapping", """
                {"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
                  "object-locator": {"schema-name": "shop", "table-name": "orders"},
                  "filters": [{"filter-type": "source", "column-name": "status", "filter-conditions": [
                      {"filter-operator": "null"}]}]}]}"""));
        assertThat(nulls.apply(orders.insert(row(null, "1")))).isNotNull();
        assertThat(nulls.apply(orders.insert(row("open", "1")))).isNull();
    }
}
