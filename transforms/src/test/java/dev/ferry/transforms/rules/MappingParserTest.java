package dev.ferry.transforms.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingParserTest {

    private static final String SELECT_ALL = """
            {"rule-type": "selection", "rule-id": "1", "rule-name": "1",
             "object-locator": {"schema-name": "shop", "table-name": "%"}, "rule-action": "include"}""";

    private static String doc(String... rules) {
        return "{\"rules\": [" + String.join(",", rules) + "]}";
    }

    private static List<MappingProblem> problems(String document) {
        try {
            MappingDocument.parse(document);
        } catch (MappingException e) {
            return e.problems();
        }
        throw new AssertionError("expected a MappingException");
    }

    @Test
    void parsesSelectionAndTransformationRulesWithDmsFieldNames() {
        MappingDocument d = MappingDocument.parse(doc(SELECT_ALL, """
                {"rule-type": "transformation", "rule-id": 2, "rule-name": "prefix",
                 "rule-target": "table", "object-locator": {"schema-name": "shop", "table-name": "%"},
                 "rule-action": "add-prefix", "value": "snc_", "old-value": null}"""));
        assertThat(d.selectionRules()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(SelectionAction.INCLUDE);
            assertThat(r.locator().tableType()).isEqualTo(TableType.TABLE);
        });
        assertThat(d.transformationRules()).singleElement().satisfies(r -> {
            assertThat(r.ruleId().text()).isEqualTo("2");
            assertThat(r.action()).isEqualTo(RuleAction.ADD_PREFIX);
            assertThat(r.value()).isEqualTo("snc_");
        });
    }

    @Test
    void acceptsTheYamlEquivalent() {
        MappingDocument d = MappingDocument.parse("""
                rules:
                  - rule-type: selection
                    rule-id: 1
                    rule-name: all
                    object-locator: {schema-name: shop, table-name: "%"}
                    rule-action: include
                    filters:
                      - filter-type: source
                        column-name: id
                        filter-conditions:
                          - {filter-operator: between, start-value: 1, end-value: 10}
                """);
        assertThat(d.selectionRules().get(0).filters().get(0).conditions().get(0))
                .isEqualTo(new FilterCondition(FilterOperator.BETWEEN, null, "1", "10"));
    }

    @Test
    void sortsRulesByNumericRuleId() {
        MappingDocument d = MappingDocument.parse(doc(SELECT_ALL,
                transformation("10", "table", "rename", "\"value\": \"b\""),
                transformation("9", "table", "rename", "\"value\": \"a\"")));
        assertThat(d.transformationRules()).extracting(r -> r.ruleId().text()).containsExactly("9", "10");
    }

    private static String transformation(String id, String target, String action, String extra) {
        String locator = switch (target) {
            case "schema" -> "{\"schema-name\": \"shop\"}";
            case "table" -> "{\"schema-name\": \"shop\", \"table-name\": \"orders\"}";
            default -> "{\"schema-name\": \"shop\", \"table-name\": \"orders\", \"column-name\": \"c\"}";
        };
        return "{\"rule-type\": \"transformation\", \"rule-id\": \"" + id + "\", \"rule-name\": \"" + id + "\", "
                + "\"rule-target\": \"" + target + "\", \"object-locator\": " + locator + ", "
                + "\"rule-action\": \"" + action + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    @Test
    void rejectsAnUnknownRuleActionNamingRuleAndField() {
        assertThat(problems(doc(SELECT_ALL, transformation("2", "table", "add-prefx", "\"value\": \"x\""))))
                .containsExactly(new MappingProblem("2", "rule-action",
                        "unknown value 'add-prefx'; did you mean 'add-prefix'?"));
    }

    @Test
    void rejectsAMissingValue() {
        assertThat(problems(doc(SELECT_ALL, transformation("2", "table", "rename", ""))))
                .containsExactly(new MappingProblem("2", "value",
                        "is missing; rule-action 'rename' needs the new name in value"));
    }

    @Test
    void rejectsAMissingOldValueForReplacePrefix() {
        assertThat(problems(doc(SELECT_ALL, transformation("2", "table", "replace-prefix", "\"value\": \"n_\""))))
                .containsExactly(new MappingProblem("2", "old-value",
                        "is missing; rule-action 'replace-prefix' needs the text to replace in old-value"));
    }

    @Test
    void rejectsAWildcardInAnExplicitSelection() {
        String explicit = """
                {"rule-type": "selection", "rule-id": "5", "rule-name": "e",
                 "object-locator": {"schema-name": "shop", "table-name": "ord%"}, "rule-action": "explicit"}""";
        assertThat(problems(doc(explicit))).containsExactly(new MappingProblem("5", "object-locator.table-name",
                "the wildcard '%' is not allowed here ('ord%'); DMS requires the exact name (in explicit "
                        + "selection rules, '_' and '[' are taken literally)"));
    }

    @Test
    void rejectsAWildcardInDefinePrimaryKey() {
        String pk = """
                {"rule-type": "transformation", "rule-id": "3", "rule-name": "pk", "rule-target": "table",
                 "object-locator": {"schema-name": "shop", "table-name": "%"}, "rule-action": "define-primary-key",
                 "primary-key-def": {"name": "pk", "columns": ["id"]}}""";
        assertThat(problems(doc(SELECT_ALL, pk))).extracting(MappingProblem::field)
                .containsExactly("object-locator.table-name");
    }

    @Test
    void rejectsUnknownKeysWithTheNearestValidKey() {
        String typo = """
                {"rule-type": "selection", "rule-id": "1", "rule-name": "1",
                 "object-locator": {"schema-nme": "shop", "table-name": "%"}, "rule-action": "include"}""";
        assertThat(problems(doc(typo))).containsExactly(
                new MappingProblem("1", "object-locator.schema-nme", "unknown key; did you mean 'schema-name'?"),
                new MappingProblem("1", "object-locator.schema-name", "is missing; use % to match every schema"));
    }

    @Test
    void rejectsADocumentWithoutSelectionRules() {
        assertThat(problems(doc(transformation("2", "schema", "convert-lowercase", ""))))
                .containsExactly(new MappingProblem(null, "rules", "no selection rule; add at least one rule with "
                        + "\"rule-type\": \"selection\" and \"rule-action\": \"include\" (nothing would be migrated)"));
    }

    @Test
    void rejectsDuplicateRuleIds() {
        assertThat(problems(doc(SELECT_ALL, SELECT_ALL))).containsExactly(new MappingProblem("1", "rule-id",
                "is used by more than one rule; rule-ids must be unique because the lowest rule-id decides "
                        + "between competing rules"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        MappingException e = (MappingException) catchThrowable(() -> MappingDocument.parse(doc(SELECT_ALL,
                transformation("2", "table", "rename", ""),
                transformation("3", "column", "add-column", "\"value\": \"x\", \"expression\": \"$a +\""),
                transformation("4", "schema", "remove-column", ""))));
        assertThat(e.problems()).extracting(MappingProblem::ruleId).containsExactly("2", "3", "3", "4");
        assertThat(e.getMessage()).startsWith("The table-mapping document has 4 problems:\n  - rule-id 2, "
                + "field 'value': is missing");
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }

    @Test
    void rejectsAnActionOnTheWrongTarget() {
        assertThat(problems(doc(SELECT_ALL, transformation("4", "schema", "remove-column", ""))))
                .containsExactly(new MappingProblem("4", "rule-action",
                        "'remove-column' does not apply to rule-target 'schema'; it applies to: column"));
    }

    @Test
    void checksFilterOperatorsAndTheirValues() {
        String filtered = """
                {"rule-type": "selection", "rule-id": "1", "rule-name": "1", "rule-action": "include",
                 "object-locator": {"schema-name": "shop", "table-name": "orders"},
                 "filters": [{"filter-type": "source", "column-name": "id", "filter-conditions": [
                   {"filter-operator": "between", "value": "3"},
                   {"filter-operator": "like", "value": "3"},
                   {"filter-operator": "null", "value": "3"}]}]}""";
        assertThat(problems(doc(filtered))).extracting(MappingProblem::field, MappingProblem::message)
                .containsExactly(
                        tuple("filters[0].filter-conditions[0].start-value",
                                "is missing; filter-operator 'between' needs start-value and end-value"),
                        tuple("filters[0].filter-conditions[0].end-value",
                                "is missing; filter-operator 'between' needs start-value and end-value"),
                        tuple("filters[0].filter-conditions[0].value",
                                "is not used by filter-operator 'between'; remove it"),
                        tuple("filters[0].filter-conditions[1].filter-operator", "unknown value 'like'; allowed "
                                + "values: lte, ste, gte, eq, noteq, between, notbetween, null, notnull"),
                        tuple("filters[0].filter-conditions[2].value",
                                "is not used by filter-operator 'null'; remove it"));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    @Test
    void checksAddColumnNeedsExpressionAndDataType() {
        assertThat(problems(doc(SELECT_ALL, transformation("7", "column", "add-column", "\"value\": \"full\""))))
                .extracting(MappingProblem::field).containsExactly("expression", "data-type");
    }

    @Test
    void rejectsAnUnsupportedExpressionFunctionNamingTheRule() {
        List<MappingProblem> p = problems(doc(SELECT_ALL, transformation("7", "column", "add-column",
                "\"value\": \"d\", \"expression\": \"date($x)\", \"data-type\": {\"type\": \"date\"}")));
        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("7");
            assertThat(problem.field()).isEqualTo("expression");
            assertThat(problem.message()).startsWith("function 'date' is not supported in expression \"date($x)\"");
        });
    }

    @Test
    void rejectsABadMaskCharacter() {
        assertThat(problems(doc(SELECT_ALL, transformation("8", "column", "data-masking-digits-mask",
                "\"value\": \"ab\"")))).containsExactly(new MappingProblem("8", "value",
                "must be one printable ASCII character other than a space, not 'ab'"));
    }

    @Test
    void rejectsAnUnknownDataType() {
        assertThat(problems(doc(SELECT_ALL, transformation("8", "column", "change-data-type",
                "\"data-type\": {\"type\": \"strng\"}")))).containsExactly(new MappingProblem("8",
                "data-type.type", "unknown value 'strng'; did you mean 'string'?"));
    }

    @Test
    void acceptsTableSettingsRulesAndListsThemAsIgnored() {
        MappingDocument d = MappingDocument.parse(doc(SELECT_ALL, """
                {"rule-type": "table-settings", "rule-id": "9", "rule-name": "9",
                 "object-locator": {"schema-name": "shop", "table-name": "orders"},
                 "parallel-load": {"type": "partitions-auto"}}"""));
        assertThat(d.ignoredRules()).singleElement().extracting(r -> r.ruleId().text()).isEqualTo("9");
    }

    @Test
    void reportsInvalidJsonWithItsPosition() {
        assertThatThrownBy(() -> MappingDocument.parse("{\"rules\": [}"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("the document is not valid JSON at line 1, column 12");
    }
}
