package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.RuleId;
import dev.ferry.transforms.rules.SourceFilter;

/** A source filter together with the selection rule that declared it. */
public record RuleFilter(RuleId ruleId, SourceFilter filter) {
}
