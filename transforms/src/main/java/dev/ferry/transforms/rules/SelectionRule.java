package dev.ferry.transforms.rules;

import java.util.List;

/**
 * A DMS selection rule.
 *
 * @param loadOrder {@code load-order}; higher values load first; 0 when absent
 */
public record SelectionRule(RuleId ruleId, String ruleName, SelectionAction action, ObjectLocator locator,
                            int loadOrder, List<SourceFilter> filters) {
    public SelectionRule {
        filters = List.copyOf(filters);
    }
}
