package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.RuleId;
import dev.ferry.transforms.rules.SelectionAction;
import dev.ferry.transforms.rules.SelectionRule;
import dev.ferry.transforms.rules.SourceFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a source table is selected: some include or explicit rule matches it and no exclude rule does
 * (exclude beats include, whatever the rule-ids). Filters of every matching include rule apply (AND-ed); the
 * highest load-order wins.
 */
final class SelectionMatcher {
    private record Compiled(SelectionRule rule, CompiledLocator locator) {
    }

    private final List<Compiled> rules = new ArrayList<>();

    SelectionMatcher(MappingDocument document, boolean ignoreCase) {
        for (SelectionRule rule : document.selectionRules()) {
            boolean exact = rule.action() == SelectionAction.EXPLICIT;
            rules.add(new Compiled(rule, new CompiledLocator(rule.locator(), ignoreCase, exact)));
        }
    }

    Optional<TableSelection> select(String schema, String table, boolean view) {
        List<RuleId> ids = new ArrayList<>();
        List<RuleFilter> filters = new ArrayList<>();
        int loadOrder = 0;
        for (Compiled c : rules) {
            if (!c.rule.locator().tableType().accepts(view) || !c.locator.matchesTable(schema, table)) {
                continue;
            }
            if (c.rule.action() == SelectionAction.EXCLUDE) {
                return Optional.empty();
            }
            ids.add(c.rule.ruleId());
            loadOrder = Math.max(loadOrder, c.rule.loadOrder());
            for (SourceFilter f : c.rule.filters()) {
                filters.add(new RuleFilter(c.rule.ruleId(), f));
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new TableSelection(ids, loadOrder, filters));
    }
}
