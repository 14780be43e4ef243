package dev.ferry.transforms;

/**
 * The scenario that defines the product: two schemas, one selection rule each, and {@code snc_} prepended to
 * every table name by one transformation rule.
 */
public final class SeedScenario {
    public static final String MAPPING = """
            {"rules": [
              {"rule-type": "selection", "rule-id": "1", "rule-name": "shop",
               "object-locator": {"schema-name": "shop", "table-name": "%"}, "rule-action": "include"},
              {"rule-type": "selection", "rule-id": "2", "rule-name": "hr",
               "object-locator": {"schema-name": "hr", "table-name": "%"}, "rule-action": "include"},
              {"rule-type": "transformation", "rule-id": "3", "rule-name": "prefix", "rule-target": "table",
               "object-locator": {"schema-name": "%", "table-name": "%"},
               "rule-action": "add-prefix", "value": "snc_"}
            ]}""";

    private SeedScenario() {
    }
}
