package dev.ferry.transforms.rules;

import java.util.List;

/**
 * One DMS source filter ({@code filter-type: source}). Conditions of one filter are OR-ed; the filters of a rule
 * are AND-ed.
 */
public record SourceFilter(String columnName, List<FilterCondition> conditions) {
    public SourceFilter {
        conditions = List.copyOf(conditions);
    }
}
