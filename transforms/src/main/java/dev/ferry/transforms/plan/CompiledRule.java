package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.RuleAction;
import dev.ferry.transforms.rules.TransformationRule;

import java.util.List;
import java.util.function.Predicate;

/** A transformation rule with its locator compiled. */
record CompiledRule(TransformationRule rule, CompiledLocator locator) {

    RuleAction.Category category() {
        return rule.action().category();
    }

    /** The lowest rule-id rule of {@code category} that {@code matches} (rules are sorted by rule-id). */
    static TransformationRule first(List<CompiledRule> rules, RuleAction.Category category,
                                    Predicate<CompiledLocator> matches) {
        for (CompiledRule r : rules) {
            if (r.category() == category && matches.test(r.locator())) {
                return r.rule();
            }
        }
        return null;
    }
}
