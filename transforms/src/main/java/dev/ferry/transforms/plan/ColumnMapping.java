package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.DataType;
import dev.ferry.transforms.rules.RuleAction;
import dev.ferry.transforms.rules.TransformationRule;

/**
 * What one source column becomes in the target.
 *
 * @param targetName the final target name, or {@code null} when the column is dropped
 * @param nameRule   the rule that set the name, or {@code null} (then {@code identifier-case} decided it)
 * @param typeRule   the {@code change-data-type} rule, or {@code null}
 * @param maskRule   the data-masking rule, or {@code null}
 * @param dropRule   the {@code remove-column} rule, or {@code null} (an {@code include-column} rule on another
 *                   column of the table can also drop it)
 */
public record ColumnMapping(SourceColumn source, String targetName, TransformationRule nameRule,
                            TransformationRule typeRule, TransformationRule maskRule, TransformationRule dropRule) {

    public boolean dropped() {
        return targetName == null;
    }

    /** The {@code change-data-type} target type, or {@code null}. */
    public DataType targetType() {
        return typeRule == null ? null : typeRule.dataType();
    }

    /** The masking action, or {@code null}. */
    public RuleAction mask() {
        return maskRule == null ? null : maskRule.action();
    }
}
