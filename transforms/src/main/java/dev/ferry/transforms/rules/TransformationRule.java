package dev.ferry.transforms.rules;

/**
 * A DMS transformation rule. Fields an action does not use are {@code null}.
 *
 * @param value         {@code value}: the new name, prefix, suffix, added column name or mask character
 * @param oldValue      {@code old-value}: the prefix/suffix replaced by {@code replace-prefix}/{@code replace-suffix}
 * @param expression    {@code expression} of {@code add-column}
 * @param dataType      {@code data-type} of {@code add-column}/{@code change-data-type}
 * @param primaryKeyDef {@code primary-key-def} of {@code define-primary-key}
 */
public record TransformationRule(RuleId ruleId, String ruleName, RuleTarget target, RuleAction action,
                                 ObjectLocator locator, String value, String oldValue, String expression,
                                 DataType dataType, PrimaryKeyDef primaryKeyDef) {
}
