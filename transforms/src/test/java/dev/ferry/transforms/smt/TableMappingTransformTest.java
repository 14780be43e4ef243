package dev.ferry.transforms.smt;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableMappingTransformTest {

    static final String SEED = dev.ferry.transforms.SeedScenario.MAPPING;

    private final TableMappingTransform smt = new TableMappingTransform();

    private final DebeziumRecords orders = DebeziumRecords.table("shop", "Orders")
            .column("ID", Schema.Type.INT32, "INT", false)
            .column("Customer", Schema.Type.STRING, "VARCHAR", true)
            .column("Phone", Schema.Type.STRING, "VARCHAR", true)
            .column("Total", Schema.Type.INT64, "BIGINT", true)
            .key("ID").build();

    @AfterEach
    void close() {
        smt.close();
    }

    private void configure(String mapping, String... more) {
        Map<String, String> props = new HashMap<>();
        props.put("mapping", mapping);
        props.put("topic.prefix", DebeziumRecords.PREFIX);
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        smt.configure(props);
    }

    private static String doc(String... rules) {
        return "{\"rules\": [{\"rule-type\": \"selection\", \"rule-id\": \"1\", \"rule-name\": \"1\", "
                + "\"object-locator\": {\"schema-name\": \"shop\", \"table-name\": \"%\"}, \"rule-action\": \"include\"}"
                + (rules.length == 0 ? "" : "," + String.join(",", rules)) + "]}";
    }

    private static String col(String id, String column, String action, String extra) {
        return "{\"rule-type\": \"transformation\", \"rule-id\": \"" + id + "\", \"rule-name\": \"" + id + "\", "
                + "\"rule-target\": \"column\", \"object-locator\": {\"schema-name\": \"shop\", \"table-name\": "
                + "\"Orders\"" + (column == null ? "" : ", \"column-name\": \"" + column + "\"") + "}, "
                + "\"rule-action\": \"" + action + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private Struct sample() {
        return orders.row("ID", 7, "Customer", "Ada", "Phone", "+44 20 7946 0018", "Total", 1500L);
    }

    private static Struct after(SinkRecord r) {
        return ((Struct) r.value()).getStruct("after");
    }

    private static Struct before(SinkRecord r) {
        return ((Struct) r.value()).getStruct("before");
    }

    @Test
    void seedScenarioRoutesEveryTableToItsPrefixedTarget() {
        configure(SEED);
        DebeziumRecords employees = DebeziumRecords.table("hr", "employees")
                .column("id", Schema.Type.INT32, "INT", false).key("id").build();
        assertThat(smt.apply(orders.insert(sample())).topic()).isEqualTo("shop.snc_orders");
        assertThat(smt.apply(employees.insert(employees.row("id", 1))).topic()).isEqualTo("hr.snc_employees");
    }

    @Test
    void appliesIdentifierCaseToKeyBeforeAndAfter() {
        configure(doc());
        SinkRecord out = smt.apply(orders.update(sample(), sample()));
        assertThat(out.topic()).isEqualTo("shop.orders");
        assertThat(out.keySchema().fields()).extracting(Field::name).containsExactly("id");
        assertThat(((Struct) out.key()).get("id")).isEqualTo(7);
        assertThat(after(out).schema().fields()).extracting(Field::name)
                .containsExactly("id", "customer", "phone", "total");
        assertThat(before(out).getString("customer")).isEqualTo("Ada");
    }

    @Test
    void preserveKeepsSourceNames() {
        configure(doc(), "identifier-case", "preserve");
        SinkRecord out = smt.apply(orders.insert(sample()));
        assertThat(out.topic()).isEqualTo("shop.Orders");
        assertThat(after(out).schema().fields()).extracting(Field::name)
                .containsExactly("ID", "Customer", "Phone", "Total");
    }

    @Test
    void keepsSourceOpTimestampAndDebeziumParameters() {
        configure(doc());
        SinkRecord in = orders.insert(sample());
        SinkRecord out = smt.apply(in);
        Struct value = (Struct) out.value();
        assertThat(value.get("source")).isSameAs(((Struct) in.value()).get("source"));
        assertThat(value.getString("op")).isEqualTo("c");
        assertThat(value.getInt64("ts_ms")).isEqualTo(1_700_000_000_000L);
        assertThat(out.valueSchema().name()).isEqualTo("task1.shop.Orders.Envelope");
        assertThat(after(out).schema().field("customer").schema().parameters())
                .containsEntry("__debezium.source.column.type", "VARCHAR");
        assertThat(out.kafkaOffset()).isEqualTo(42L);
        assertThat(out.originalTopic()).isEqualTo("task1.shop.Orders");
    }

    @Test
    void renamesAndRemovesColumnsInKeyBeforeAndAfter() {
        configure(doc(col("2", "ID", "rename", "\"value\": \"OrderId\""), col("3", "Phone", "remove-column", "")));
        SinkRecord out = smt.apply(orders.update(sample(), sample()));
        assertThat(out.keySchema().fields()).extracting(Field::name).containsExactly("OrderId");
        assertThat(after(out).schema().fields()).extracting(Field::name)
                .containsExactly("OrderId", "customer", "total");
        assertThat(before(out).getInt32("OrderId")).isEqualTo(7);
    }

    @Test
    void includeColumnKeepsOnlyTheNamedColumns() {
        configure(doc(col("2", "ID", "include-column", ""), col("3", "Total", "include-column", "")));
        assertThat(after(smt.apply(orders.insert(sample()))).schema().fields()).extracting(Field::name)
                .containsExactly("id", "total");
    }

    @Test
    void addsAComputedColumnMarkedDerived() {
        configure(doc(col("2", null, "add-column", "\"value\": \"Label\", "
                + "\"expression\": \"upper($Customer)||'@'||$AR_M_SOURCE_SCHEMA\", "
                + "\"data-type\": {\"type\": \"string\", \"length\": 40}")));
        Struct after = after(smt.apply(orders.insert(sample())));
        assertThat(after.getString("Label")).isEqualTo("ADA@shop");
        assertThat(after.schema().field("Label").schema().parameters())
                .containsEntry("ferry.target.type", "string(40)").containsEntry("ferry.derived", "true");
    }

    @Test
    void changesDeclaredTypesAndConvertsValues() {
        configure(doc(col("2", "Total", "change-data-type",
                "\"data-type\": {\"type\": \"numeric\", \"precision\": 12, \"scale\": 2}"),
                col("3", "ID", "change-data-type", "\"data-type\": {\"type\": \"string\", \"length\": 10}")));
        SinkRecord out = smt.apply(orders.insert(sample()));
        Schema total = after(out).schema().field("total").schema();
        assertThat(total.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(total.parameters()).containsEntry("ferry.target.type", "numeric(12,2)")
                .containsEntry("__debezium.source.column.type", "BIGINT");
        assertThat(after(out).get("total")).isEqualTo(new BigDecimal("1500.00"));
        assertThat(after(out).get("id")).isEqualTo("7");
        assertThat(((Struct) out.key()).get("id")).isEqualTo("7");
    }

    @Test
    void masksDigitsWithTheRuleCharacter() {
        configure(doc(col("2", "Phone", "data-masking-digits-mask", "\"value\": \"#\"")));
        Struct after = after(smt.apply(orders.insert(sample())));
        assertThat(after.getString("phone")).isEqualTo("+## ## #### ####");
        assertThat(after.schema().field("phone").schema().parameters()).containsEntry("ferry.derived", "true");
    }

    @Test
    void randomizesDigitsButKeepsEverythingElse() {
        configure(doc(col("2", "Phone", "data-masking-digits-randomize", "")));
        String phone = after(smt.apply(orders.insert(sample()))).getString("phone");
        assertThat(phone).matches("\\+\\d\\d \\d\\d \\d{4} \\d{4}");
    }

    @Test
    void hashMaskIsARepeatableSha256Hex() throws Exception {
        configure(doc(col("2", "Customer", "data-masking-hash-mask", "")));
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("Ada".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(after(smt.apply(orders.insert(sample()))).getString("customer"))
                .isEqualTo(java.util.HexFormat.of().formatHex(digest)).hasSize(64);
    }

    @Test
    void rejectsMaskingANonStringColumnNamingTheRule() {
        configure(doc(col("4", "Total", "data-masking-hash-mask", "")));
        assertThatThrownBy(() -> smt.apply(orders.insert(sample()))).isInstanceOf(DataException.class)
                .hasMessage("Cannot apply the table mapping to the record at task1.shop.Orders/0/42: rule-id 4, "
                        + "field 'rule-action': data-masking-hash-mask applies to string columns only, but column "
                        + "'Total' is int64");
    }

    @Test
    void definePrimaryKeyRebuildsTheKeyFromTheRow() {
        configure(doc("{\"rule-type\": \"transformation\", \"rule-id\": \"2\", \"rule-name\": \"pk\", "
                + "\"rule-target\": \"table\", \"object-locator\": {\"schema-name\": \"shop\", \"table-name\": "
                + "\"Orders\"}, \"rule-action\": \"define-primary-key\", \"primary-key-def\": {\"name\": \"pk\", "
                + "\"columns\": [\"Customer\", \"ID\"]}}"));
        SinkRecord insert = smt.apply(orders.insert(sample()));
        assertThat(insert.keySchema().fields()).extracting(Field::name).containsExactly("customer", "id");
        assertThat(((Struct) insert.key()).getString("customer")).isEqualTo("Ada");
        SinkRecord delete = smt.apply(orders.delete(sample()));
        assertThat(((Struct) delete.key()).getInt32("id")).isEqualTo(7);
        assertThat(smt.apply(orders.tombstone(sample()))).isNull();
    }

    @Test
    void routesTombstonesAndTransformsTheirKey() {
        configure(doc(col("2", "ID", "rename", "\"value\": \"OrderId\"")));
        SinkRecord out = smt.apply(orders.tombstone(sample()));
        assertThat(out.topic()).isEqualTo("shop.orders");
        assertThat(out.value()).isNull();
        assertThat(((Struct) out.key()).getInt32("OrderId")).isEqualTo(7);
    }

    @Test
    void dropsRecordsOfTablesTheMappingDoesNotSelect() {
        configure(doc());
        DebeziumRecords other = DebeziumRecords.table("audit", "log")
                .column("id", Schema.Type.INT32, "INT", false).key("id").build();
        assertThat(smt.apply(other.insert(other.row("id", 1)))).isNull();
        assertThat(smt.apply(other.tombstone(other.row("id", 1)))).isNull();
    }

    @Test
    void dropsTheKeylessTombstoneThatFollowsADeleteOnATableWithoutKey() {
        configure(doc());
        SinkRecord tombstone = new SinkRecord("task1.shop.Orders", 0, null, null, null, null, 7L);
        assertThat(smt.apply(tombstone)).isNull();
    }

    @Test
    void passesNonTableTopicsThroughUntouched() {
        configure(doc());
        SinkRecord schemaChange = new SinkRecord("task1", 0, null, null, Schema.STRING_SCHEMA, "ddl", 1L);
        SinkRecord heartbeat = new SinkRecord("__debezium-heartbeat.task1", 0, null, null, null, null, 2L);
        assertThat(smt.apply(schemaChange)).isSameAs(schemaChange);
        assertThat(smt.apply(heartbeat)).isSameAs(heartbeat);
    }

    @Test
    void rejectsNonEnvelopeRecordsOnTableTopics() {
        configure(doc());
        SinkRecord plain = new SinkRecord("task1.shop.Orders", 0, null, null, Schema.STRING_SCHEMA, "x", 5L);
        assertThatThrownBy(() -> smt.apply(plain)).isInstanceOf(DataException.class)
                .hasMessageContaining("task1.shop.Orders/0/5");
    }

    @Test
    void usesTheSourceBlockOverTheTopicToFindThePostgresSchema() {
        configure(doc());
        DebeziumRecords pg = DebeziumRecords.table("shop", "Orders").postgres()
                .column("ID", Schema.Type.INT32, "int4", false).key("ID").build();
        assertThat(smt.apply(pg.insert(pg.row("ID", 1))).topic()).isEqualTo("shop.orders");
    }

    @Test
    void neverModifiesTheInputRecordAndIsDeterministic() {
        configure(doc(col("2", "ID", "rename", "\"value\": \"OrderId\""),
                col("3", "Phone", "data-masking-digits-mask", "\"value\": \"*\""),
                col("4", null, "add-column", "\"value\": \"n\", \"expression\": \"$Total * 2\", "
                        + "\"data-type\": {\"type\": \"int8\"}")));
        SinkRecord in = orders.update(sample(), sample());
        Struct valueCopy = copyOf((Struct) in.value());
        Struct keyCopy = copyOf((Struct) in.key());
        SinkRecord first = smt.apply(in);
        SinkRecord second = smt.apply(in);
        assertThat(in.value()).isEqualTo(valueCopy);
        assertThat(in.key()).isEqualTo(keyCopy);
        assertThat(in.topic()).isEqualTo("task1.shop.Orders");
        assertThat(first.value()).isEqualTo(second.value());
        assertThat(first.key()).isEqualTo(second.key());
        assertThat(after(first).getInt64("n")).isEqualTo(3000L);
    }

    private static Struct copyOf(Struct s) {
        Struct copy = new Struct(s.schema());
        for (Field f : s.schema().fields()) {
            Object v = s.get(f);
            copy.put(f, v instanceof Struct st ? copyOf(st) : v);
        }
        return copy;
    }

    @Test
    void operationIndicatorTurnsDeletesIntoFlaggedRows() {
        configure(doc(col("2", null, "add-column", "\"value\": \"Op\", "
                + "\"expression\": \"operation_indicator('D', 'U', 'I')\", \"data-type\": {\"type\": \"string\", "
                + "\"length\": 1}")));
        SinkRecord out = smt.apply(orders.delete(sample()));
        assertThat(((Struct) out.value()).getString("op")).isEqualTo("u");
        assertThat(after(out).getString("Op")).isEqualTo("D");
        assertThat(smt.apply(orders.tombstone(sample()))).isNull();
        assertThat(after(smt.apply(orders.insert(sample()))).getString("Op")).isEqualTo("I");
    }

    @Test
    void rejectsAnUnknownIdentifierCaseListingAllowedValues() {
        assertThatThrownBy(() -> configure(doc(), "identifier-case", "upper"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value upper for configuration identifier-case: allowed values: lower, preserve");
    }

    @Test
    void rejectsAnInvalidMappingWithEveryProblem() {
        assertThatThrownBy(() -> configure("{\"rules\": []}")).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for configuration mapping: The table-mapping document has 1 problem:\n"
                        + "  - field 'rules': no selection rule; add at least one rule with \"rule-type\": "
                        + "\"selection\" and \"rule-action\": \"include\" (nothing would be migrated)");
    }

    @Test
    void requiresTheTopicPrefix() {
        assertThatThrownBy(() -> smt.configure(Map.of("mapping", doc())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.prefix");
    }

    @Test
    void rejectsTwoSourceTablesRoutedToOneTarget() {
        configure(doc("{\"rule-type\": \"transformation\", \"rule-id\": \"2\", \"rule-name\": \"2\", "
                + "\"rule-target\": \"table\", \"object-locator\": {\"schema-name\": \"shop\", \"table-name\": "
                + "\"%\"}, \"rule-action\": \"rename\", \"value\": \"all\"}"));
        DebeziumRecords items = DebeziumRecords.table("shop", "items")
                .column("id", Schema.Type.INT32, "INT", false).key("id").build();
        smt.apply(orders.insert(sample()));
        assertThatThrownBy(() -> smt.apply(items.insert(items.row("id", 1))))
                .hasMessageContaining("source tables shop.Orders and shop.items are both mapped to shop.all");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void isDiscoverableThroughServiceLoader() {
        assertThat(java.util.ServiceLoader.load(org.apache.kafka.connect.transforms.Transformation.class).stream()
                .map(p -> p.type().getName())).contains(TableMappingTransform.class.getName());
    }
}
