package dev.ferry.transforms.plan;

import dev.ferry.transforms.expr.ParsedExpression;
import dev.ferry.transforms.rules.DataType;
import dev.ferry.transforms.rules.RuleId;

/** A column added by an {@code add-column} rule; its name is used exactly as written. */
public record AddedColumn(RuleId ruleId, String name, ParsedExpression expression, DataType dataType) {
}
