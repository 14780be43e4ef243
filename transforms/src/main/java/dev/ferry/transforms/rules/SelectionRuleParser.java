package dev.ferry.transforms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one DMS selection rule. */
final class SelectionRuleParser {
    private static final List<String> KEYS = List.of("rule-type", "rule-id", "rule-name", "rule-action",
            "object-locator", "load-order", "filters");
    private static final List<String> LOCATOR_KEYS = List.of("schema-name", "table-name", "table-type");
    private static final List<String> FILTER_KEYS = List.of("filter-type", "column-name", "filter-conditions");
    private static final List<String> CONDITION_KEYS = List.of("filter-operator", "value", "start-value",
            "end-value");

    private SelectionRuleParser() {
    }

    static Optional<SelectionRule> parse(RuleReader rule) {
        rule.rejectUnknownKeys(KEYS);
        SelectionAction action = rule.enumValue("rule-action", SelectionAction.class, true,
                "use include, exclude or explicit");
        ObjectLocator locator = locator(rule, action);
        Integer loadOrder = rule.integer("load-order");
        if (loadOrder != null && loadOrder < 0) {
            rule.problem("load-order", "must be zero or positive, not " + loadOrder);
        }
        List<SourceFilter> filters = filters(rule);
        if (!filters.isEmpty() && action == SelectionAction.EXCLUDE) {
            rule.problem("filters", "filters apply only to include and explicit rules; move them to the "
                    + "rule that includes the table");
        }
        if (action == null || locator == null) {
            return Optional.empty();
        }
        return Optional.of(new SelectionRule(rule.ruleId(), rule.text("rule-name"), action, locator,
                loadOrder == null ? 0 : loadOrder, filters));
    }

    private static ObjectLocator locator(RuleReader rule, SelectionAction action) {
        RuleReader loc = rule.object("object-locator", true, "name the schema-name and table-name to select");
        if (loc == null) {
            return null;
        }
        loc.rejectUnknownKeys(LOCATOR_KEYS);
        String schema = loc.requiredText("schema-name", "use % to match every schema");
        String table = loc.requiredText("table-name", "use % to match every table");
        TableType type = loc.enumValue("table-type", TableType.class, false, "");
        if (action == SelectionAction.EXPLICIT) {
            rejectPercent(loc, "schema-name", schema);
            rejectPercent(loc, "table-name", table);
        }
        if (schema == null || table == null) {
            return null;
        }
        return new ObjectLocator(schema, table, null, null, type == null ? TableType.TABLE : type);
    }

    static void rejectPercent(RuleReader loc, String key, String name) {
        if (name != null && name.indexOf('%') >= 0) {
            loc.problem(key, "the wildcard '%' is not allowed here ('" + name + "'); DMS requires the exact "
                    + "name (in explicit selection rules, '_' and '[' are taken literally)");
        }
    }

    private static List<SourceFilter> filters(RuleReader rule) {
        List<SourceFilter> filters = new ArrayList<>();
        for (RuleReader f : rule.array("filters")) {
            f.rejectUnknownKeys(FILTER_KEYS);
            String type = f.requiredText("filter-type", "use \"filter-type\": \"source\"");
            if (type != null && !type.equalsIgnoreCase("source")) {
                f.problem("filter-type", "unknown value '" + type + "'; allowed values: source");
            }
            String column = f.requiredText("column-name", "name the column the filter tests");
            List<FilterCondition> conditions = conditions(f);
            if (column != null && !conditions.isEmpty()) {
                filters.add(new SourceFilter(column, conditions));
            }
        }
        return filters;
    }

    private static List<FilterCondition> conditions(RuleReader filter) {
        List<RuleReader> items = filter.array("filter-conditions");
        if (items.isEmpty()) {
            filter.problem("filter-conditions", "is missing or empty; add at least one "
                    + "{\"filter-operator\": ..., \"value\": ...}");
        }
        List<FilterCondition> conditions = new ArrayList<>();
        for (RuleReader c : items) {
            c.rejectUnknownKeys(CONDITION_KEYS);
            FilterOperator op = c.enumValue("filter-operator", FilterOperator.class, true,
                    "use one of: " + DmsEnum.allowed(FilterOperator.class));
            if (op == null) {
                continue;
            }
            FilterCondition condition = new FilterCondition(op, c.text("value"), c.text("start-value"),
                    c.text("end-value"));
            if (checkArity(c, condition)) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    private static boolean checkArity(RuleReader c, FilterCondition condition) {
        String op = condition.operator().dmsName();
        int before = problemsMarker(c);
        switch (condition.operator().arity()) {
            case ONE -> {
                c.requiredText("value", "filter-operator '" + op + "' compares with one value");
                forbid(c, "start-value", op);
                forbid(c, "end-value", op);
            }
            case RANGE -> {
                c.requiredText("start-value", "filter-operator '" + op + "' needs start-value and end-value");
                c.requiredText("end-value", "filter-operator '" + op + "' needs start-value and end-value");
                forbid(c, "value", op);
            }
            case NONE -> {
                forbid(c, "value", op);
                forbid(c, "start-value", op);
                forbid(c, "end-value", op);
            }
        }
        return problemsMarker(c) == before;
    }

    private static void forbid(RuleReader c, String key, String op) {
        if (c.has(key)) {
            c.problem(key, "is not used by filter-operator '" + op + "'; remove it");
        }
    }

    private static int problemsMarker(RuleReader c) {
        return c.problemCount();
    }
}
