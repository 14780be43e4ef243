package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.RuleId;

import java.util.List;

/**
 * Why and how a source table is selected.
 *
 * @param ruleIds   the include/explicit rules that select it
 * @param loadOrder the highest {@code load-order} among them
 * @param filters   the filters of all of them, AND-ed
 */
public record TableSelection(List<RuleId> ruleIds, int loadOrder, List<RuleFilter> filters) {
    public TableSelection {
        ruleIds = List.copyOf(ruleIds);
        filters = List.copyOf(filters);
    }
}
