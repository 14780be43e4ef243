package dev.ferry.transforms.rules;

/**
 * A rule of a DMS document that Ferry accepts but does not apply (e.g. {@code table-settings} for parallel load
 * or LOB handling, which have no meaning for Debezium). {@code ferry plan} lists them.
 */
public record IgnoredRule(RuleId ruleId, String ruleType, String reason) {
}
