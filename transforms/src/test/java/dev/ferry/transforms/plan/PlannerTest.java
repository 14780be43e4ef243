package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.MappingException;
import dev.ferry.transforms.rules.MappingProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {

    static final String SEED = dev.ferry.transforms.SeedScenario.MAPPING;

    static SourceColumn col(String name, String type, int ordinal) {
        return new SourceColumn(name, type, true, ordinal);
    }

    static CatalogTable table(String name, String... columns) {
        List<SourceColumn> cols = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(col(columns[i], i == 0 ? "int" : "varchar(20)", i + 1));
        }
        return CatalogTable.table(name, cols, List.of(columns[0]));
    }

    static final SourceCatalog CATALOG = SourceCatalog.of(
            new CatalogSchema("shop", List.of(table("orders", "id", "Customer", "total"),
                    table("Items", "id", "name"))),
            new CatalogSchema("hr", List.of(table("employees", "id", "name"))),
            new CatalogSchema("audit", List.of(table("log", "id", "msg"))));

    private static MappingPlan plan(String document) {
        return Planner.plan(MappingDocument.parse(document), CATALOG, IdentifierCase.LOWER);
    }

    private static String doc(String... rules) {
        return "{\"rules\": [" + String.join(",", rules) + "]}";
    }

    private static String select(String id, String action, String schema, String table) {
        return "{\"rule-type\": \"selection\", \"rule-id\": \"" + id + "\", \"rule-name\": \"" + id + "\", "
                + "\"object-locator\": {\"schema-name\": \"" + schema + "\", \"table-name\": \"" + table + "\"}, "
                + "\"rule-action\": \"" + action + "\"}";
    }

    private static String column(String id, String table, String column, String action, String extra) {
        return "{\"rule-type\": \"transformation\", \"rule-id\": \"" + id + "\", \"rule-name\": \"" + id + "\", "
                + "\"rule-target\": \"column\", \"object-locator\": {\"schema-name\": \"shop\", \"table-name\": \""
                + table + "\"" + (column == null ? "" : ", \"column-name\": \"" + column + "\"") + "}, "
                + "\"rule-action\": \"" + action + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static String tableRule(String id, String schema, String table, String action, String extra) {
        return "{\"rule-type\": \"transformation\", \"rule-id\": \"" + id + "\", \"rule-name\": \"" + id + "\", "
                + "\"rule-target\": \"table\", \"object-locator\": {\"schema-name\": \"" + schema + "\", "
                + "\"table-name\": \"" + table + "\"}, \"rule-action\": \"" + action + "\""
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    @Test
    void seedScenarioPrefixesEveryTableOfBothSchemas() {
        MappingPlan plan = plan(SEED);
        assertThat(plan.tables()).extracting(TableMapping::sourceName, TableMapping::targetName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hr.employees", "hr.snc_employees"),
                        org.assertj.core.groups.Tuple.tuple("shop.Items", "shop.snc_items"),
                        org.assertj.core.groups.Tuple.tuple("shop.orders", "shop.snc_orders"));
        assertThat(plan.sourceSchemas()).containsExactly("hr", "shop");
        assertThat(plan.tableIncludeList()).containsExactly("hr\\.employees", "shop\\.Items", "shop\\.orders");
    }

    @Test
    void identifierCaseLowerAppliesToNamesNoRuleSet() {
        TableMapping orders = plan(SEED).table("shop", "orders").orElseThrow();
        assertThat(orders.keptColumns()).extracting(ColumnMapping::targetName)
                .containsExactly("id", "customer", "total");
    }

    @Test
    void identifierCasePreserveKeepsSourceNames() {
        MappingPlan plan = Planner.plan(MappingDocument.parse(SEED), CATALOG, IdentifierCase.PRESERVE);
        assertThat(plan.table("shop", "Items").orElseThrow().targetTable()).isEqualTo("snc_Items");
        assertThat(plan.table("shop", "orders").orElseThrow().keptColumns())
                .extracting(ColumnMapping::targetName).containsExactly("id", "Customer", "total");
    }

    @Test
    void excludeBeatsIncludeWhateverTheRuleIds() {
        MappingPlan plan = plan(doc(select("2", "include", "shop", "%"), select("1", "exclude", "shop", "Items")));
        assertThat(plan.tables()).extracting(TableMapping::sourceName).containsExactly("shop.orders");
    }

    @Test
    void lowestRuleIdWinsWhenTwoRulesNameOneTable() {
        MappingPlan plan = plan(doc(select("1", "include", "shop", "orders"),
                tableRule("20", "shop", "%", "add-suffix", "\"value\": \"_x\""),
                tableRule("10", "shop", "ord%", "rename", "\"value\": \"Orders2\"")));
        assertThat(plan.tables().get(0).targetTable()).isEqualTo("Orders2");
        assertThat(plan.tables().get(0).tableNameRuleId().text()).isEqualTo("10");
    }

    @Test
    void namingRulesKeepTheirTextAndFoldTheSourcePart() {
        assertThat(targetOfItems("add-suffix", "\"value\": \"_OLD\"")).isEqualTo("items_OLD");
        assertThat(targetOfItems("convert-uppercase", "")).isEqualTo("ITEMS");
        assertThat(targetOfItems("convert-lowercase", "")).isEqualTo("items");
        assertThat(targetOfItems("remove-prefix", "\"value\": \"It\"")).isEqualTo("ems");
        assertThat(targetOfItems("remove-prefix", "\"value\": \"it\"")).isEqualTo("items");
        assertThat(targetOfItems("replace-prefix", "\"value\": \"New\", \"old-value\": \"It\"")).isEqualTo("Newems");
        assertThat(targetOfItems("remove-suffix", "\"value\": \"ms\"")).isEqualTo("ite");
        assertThat(targetOfItems("replace-suffix", "\"value\": \"_T\", \"old-value\": \"s\"")).isEqualTo("item_T");
    }

    private static String targetOfItems(String action, String extra) {
        return plan(doc(select("1", "include", "shop", "Items"), tableRule("2", "shop", "Items", action, extra)))
                .tables().get(0).targetTable();
    }

    @Test
    void renamesSchemas() {
        String renameSchema = "{\"rule-type\": \"transformation\", \"rule-id\": \"5\", \"rule-name\": \"5\", "
                + "\"rule-target\": \"schema\", \"object-locator\": {\"schema-name\": \"shop\"}, "
                + "\"rule-action\": \"rename\", \"value\": \"Store\"}";
        assertThat(plan(doc(select("1", "include", "shop", "orders"), renameSchema)).tables().get(0).targetName())
                .isEqualTo("Store.orders");
    }

    @Test
    void removesRenamesRetypesAndMasksColumns() {
        TableMapping t = plan(doc(select("1", "include", "shop", "orders"),
                column("2", "orders", "Customer", "rename", "\"value\": \"CustomerName\""),
                column("3", "orders", "total", "remove-column", ""),
                column("4", "orders", "Customer", "change-data-type",
                        "\"data-type\": {\"type\": \"string\", \"length\": 50}"),
                column("5", "orders", "Customer", "data-masking-hash-mask", ""))).tables().get(0);
        assertThat(t.keptColumns()).extracting(ColumnMapping::targetName).containsExactly("id", "CustomerName");
        ColumnMapping customer = t.keptColumns().get(1);
        assertThat(customer.targetType().render()).isEqualTo("string(50)");
        assertThat(customer.maskRule().ruleId().text()).isEqualTo("5");
        assertThat(t.capturedColumns()).containsExactly("id", "Customer");
    }

    @Test
    void includeColumnKeepsOnlyTheIncludedColumns() {
        TableMapping t = plan(doc(select("1", "include", "shop", "orders"),
                column("2", "orders", "id", "include-column", ""),
                column("3", "orders", "total", "include-column", ""))).tables().get(0);
        assertThat(t.keptColumns()).extracting(ColumnMapping::targetName).containsExactly("id", "total");
    }

    @Test
    void addsColumnsAfterSourceColumns() {
        TableMapping t = plan(doc(select("1", "include", "shop", "orders"), column("2", "orders", null,
                "add-column", "\"value\": \"Label\", \"expression\": \"upper($Customer)\", "
                        + "\"data-type\": {\"type\": \"string\", \"length\": 30}"))).tables().get(0);
        assertThat(t.addedColumns()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Label");
            assertThat(a.dataType().render()).isEqualTo("string(30)");
        });
    }

    @Test
    void definePrimaryKeyReplacesTheKey() {
        TableMapping t = plan(doc(select("1", "include", "shop", "orders"), tableRule("2", "shop", "orders",
                "define-primary-key", "\"primary-key-def\": {\"name\": \"pk\", \"origin\": \"unique-index\", "
                        + "\"columns\": [\"Customer\", \"id\"]}"))).tables().get(0);
        assertThat(t.primaryKey()).containsExactly("customer", "id");
        assertThat(t.primaryKeyRule().origin()).isEqualTo("unique-index");
    }

    @Test
    void filtersAndLoadOrderArePlannedPerTable() {
        String filtered = """
                {"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
                 "load-order": 5, "object-locator": {"schema-name": "shop", "table-name": "orders"},
                 "filters": [{"filter-type": "source", "column-name": "total",
                   "filter-conditions": [{"filter-operator": "gte", "value": "100"}]}]}""";
        MappingPlan plan = plan(doc(filtered, select("2", "include", "hr", "%")));
        assertThat(plan.tables()).extracting(TableMapping::sourceName)
                .containsExactly("shop.orders", "hr.employees");
        assertThat(plan.tables().get(0).filters()).singleElement()
                .satisfies(f -> assertThat(f.filter().columnName()).isEqualTo("total"));
    }

    @Test
    void rejectsTwoSourceTablesMappedToOneTarget() {
        assertThatThrownBy(() -> plan(doc(select("1", "include", "shop", "%"),
                tableRule("2", "shop", "%", "rename", "\"value\": \"all\""))))
                .isInstanceOf(MappingException.class)
                .satisfies(e -> assertThat(((MappingException) e).problems()).containsExactly(new MappingProblem("2",
                        "rule-action", "source tables shop.Items and shop.orders are both mapped to shop.all; DMS "
                                + "does not merge tables, so rename one of them")));
    }

    @Test
    void showsSourceTablesThatDifferOnlyByCaseAndRejectsTheirTargetCollision() {
        SourceCatalog catalog = SourceCatalog.of(new CatalogSchema("shop",
                List.of(table("Orders", "id"), table("orders", "id"))));
        MappingDocument document = MappingDocument.parse(doc(select("1", "include", "shop", "%")));
        MappingDocument renamed = MappingDocument.parse(doc(select("1", "include", "shop", "%"),
                tableRule("2", "shop", "Orders", "rename", "\"value\": \"orders_upper\"")));
        MappingPlan plan = Planner.plan(renamed, catalog, IdentifierCase.PRESERVE);
        assertThat(plan.tables()).extracting(TableMapping::sourceName, TableMapping::targetName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.Orders", "shop.orders_upper"),
                        org.assertj.core.groups.Tuple.tuple("shop.orders", "shop.orders"));
        assertThatThrownBy(() -> Planner.plan(document, catalog, IdentifierCase.PRESERVE))
                .hasMessageContaining("map to shop.Orders and shop.orders, which differ only by case");
        assertThatThrownBy(() -> Planner.plan(document, catalog, IdentifierCase.LOWER))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("source tables shop.Orders and shop.orders are both mapped to shop.orders");
    }

    @Test
    void rejectsTargetNamesThatDifferOnlyByCase() {
        SourceCatalog catalog = SourceCatalog.of(new CatalogSchema("shop",
                List.of(table("Orders", "id"), table("orders", "id"))));
        MappingDocument document = MappingDocument.parse(doc(select("1", "include", "shop", "%"),
                tableRule("2", "shop", "Orders", "rename", "\"value\": \"ORDERS\"")));
        assertThatThrownBy(() -> Planner.plan(document, catalog, IdentifierCase.PRESERVE))
                .hasMessageContaining("map to shop.ORDERS and shop.orders, which differ only by case");
    }

    @Test
    void reportsTablesDebeziumWouldAlsoCaptureBecauseItIgnoresCase() {
        SourceCatalog catalog = SourceCatalog.of(new CatalogSchema("shop",
                List.of(table("Orders", "id"), table("orders", "id"))));
        MappingPlan plan = Planner.plan(MappingDocument.parse(doc(select("1", "explicit", "shop", "orders"))),
                catalog, IdentifierCase.LOWER);
        assertThat(plan.tables()).extracting(TableMapping::sourceName).containsExactly("shop.orders");
        assertThat(plan.extraCaptured()).containsExactly("shop.Orders");
    }

    @Test
    void escapesIncludeListEntries() {
        SourceCatalog catalog = SourceCatalog.of(new CatalogSchema("my.db", List.of(table("a$b,c", "id"))));
        MappingPlan plan = Planner.plan(MappingDocument.parse(doc(select("1", "include", "my.db", "%"))),
                catalog, IdentifierCase.LOWER);
        assertThat(plan.tableIncludeList()).containsExactly("my\\.db\\.a\\$b\\,c");
    }

    @Test
    void reportsRulesThatReferToMissingColumns() {
        assertThatThrownBy(() -> plan(doc(select("1", "include", "shop", "orders"),
                column("2", "orders", null, "add-column", "\"value\": \"x\", \"expression\": \"$nope\", "
                        + "\"data-type\": {\"type\": \"int4\"}"))))
                .hasMessageContaining("rule-id 2, field 'expression': refers to $nope, which is not a column of "
                        + "shop.orders (column names are case-sensitive)");
    }

    @Test
    void rejectsDroppingAKeyColumnWithoutANewKey() {
        assertThatThrownBy(() -> plan(doc(select("1", "include", "shop", "orders"),
                column("2", "orders", "id", "remove-column", ""))))
                .hasMessageContaining("rule-id 2, field 'rule-action': drops primary-key column 'id'; keep it or "
                        + "add a define-primary-key rule");
    }

    @Test
    void sourceCatalogsThatIgnoreCaseMatchRulesRegardlessOfCase() {
        SourceCatalog catalog = new SourceCatalog(List.of(new CatalogSchema("shop",
                List.of(table("orders", "id")))), true);
        MappingPlan plan = Planner.plan(MappingDocument.parse(doc(select("1", "include", "SHOP", "Orders"))),
                catalog, IdentifierCase.LOWER);
        assertThat(plan.tables()).hasSize(1);
    }
}
