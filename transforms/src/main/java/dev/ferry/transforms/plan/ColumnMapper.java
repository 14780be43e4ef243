package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingProblem;
import dev.ferry.transforms.rules.RuleAction;
import dev.ferry.transforms.rules.RuleAction.Category;
import dev.ferry.transforms.rules.TransformationRule;
import dev.ferry.transforms.expr.ExpressionParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the columns of one table: names, dropped and kept-only columns, types, masks, added columns and the key.
 * For each column and each rule category, the matching rule with the lowest rule-id wins.
 */
final class ColumnMapper {
    private final String tableName;
    private final List<CompiledRule> rules;
    private final IdentifierCase identifierCase;
    private final TableSelection selection;
    private final TransformationRule keyRule;
    private final List<MappingProblem> problems = new ArrayList<>();
    private final List<ColumnMapping> columns = new ArrayList<>();
    private final List<AddedColumn> added = new ArrayList<>();
    private final List<String> primaryKey;

    ColumnMapper(String tableName, List<CompiledRule> rules, IdentifierCase identifierCase, List<SourceColumn> sourceColumns,
                 List<String> sourceKey, TableSelection selection, TransformationRule keyRule) {
        this.tableName = tableName;
        this.rules = rules;
        this.identifierCase = identifierCase;
        this.selection = selection;
        this.keyRule = keyRule;
        boolean keepOnly = rules.stream().anyMatch(r -> r.rule().action() == RuleAction.INCLUDE_COLUMN);
        sourceColumns.forEach(c -> columns.add(mapColumn(c, keepOnly)));
        rules.stream().filter(r -> r.rule().action() == RuleAction.ADD_COLUMN)
                .forEach(r -> added.add(addColumn(r.rule())));
        this.primaryKey = keyRule == null ? mapSourceKey(sourceKey) : redefinedKey();
        checkCollisions();
        checkReferences();
    }

    List<ColumnMapping> columns() {
        return columns;
    }

    List<AddedColumn> addedColumns() {
        return added;
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    List<MappingProblem> problems() {
        return problems;
    }

    private ColumnMapping mapColumn(SourceColumn c, boolean keepOnly) {
        TransformationRule presence = first(Category.PRESENCE, c);
        boolean dropped = presence == null ? keepOnly : presence.action() == RuleAction.REMOVE_COLUMN;
        TransformationRule nameRule = first(Category.NAME, c);
        String target = dropped ? null : NameRules.apply(c.name(), nameRule, identifierCase);
        TransformationRule dropRule = dropped ? presence : null;
        return new ColumnMapping(c, target, dropped ? null : nameRule, dropped ? null : first(Category.TYPE, c),
                dropped ? null : first(Category.MASK, c), dropRule);
    }

    private TransformationRule first(Category category, SourceColumn c) {
        return CompiledRule.first(rules, category, l -> l.matchesColumn(c.name(), c.type()));
    }

    private AddedColumn addColumn(TransformationRule rule) {
        return new AddedColumn(rule.ruleId(), rule.value(), ExpressionParser.parse(rule.expression()),
                rule.dataType());
    }

    private List<String> mapSourceKey(List<String> sourceKey) {
        List<String> key = new ArrayList<>();
        for (String name : sourceKey) {
            ColumnMapping c = bySource(name);
            if (c == null) {
                continue;
            }
            if (c.dropped()) {
                problems.add(MappingProblem.of(c.dropRule() == null ? null : c.dropRule().ruleId(), "rule-action",
                        "drops primary-key column '" + name + "'; keep it or add a define-primary-key rule"));
            } else {
                key.add(c.targetName());
                checkKeyMask(c);
            }
        }
        return key;
    }

    private List<String> redefinedKey() {
        List<String> key = new ArrayList<>();
        for (String name : keyRule.primaryKeyDef().columns()) {
            ColumnMapping c = bySource(name);
            AddedColumn a = added.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (c != null && !c.dropped()) {
                key.add(c.targetName());
                checkKeyMask(c);
            } else if (a != null) {
                key.add(a.name());
            } else {
                problems.add(MappingProblem.of(keyRule.ruleId(), "primary-key-def.columns", "column '" + name
                        + "' is not a kept column of " + tableName() + "; list source column names"));
            }
        }
        return key;
    }

    private void checkKeyMask(ColumnMapping c) {
        if (c.mask() == RuleAction.DATA_MASKING_DIGITS_RANDOMIZE) {
            problems.add(MappingProblem.of(c.maskRule().ruleId(), "rule-action", "randomizes key column '"
                    + c.source().name() + "', which would break updates and deletes; use data-masking-hash-mask"));
        }
    }

    private void checkCollisions() {
        Map<String, String> seen = new HashMap<>();
        for (ColumnMapping c : columns) {
            if (!c.dropped()) {
                checkName(seen, c.targetName(), "column '" + c.source().name() + "'",
                        c.nameRule() == null ? null : c.nameRule(), "value");
            }
        }
        for (AddedColumn a : added) {
            String clash = seen.get(a.name().toLowerCase(Locale.ROOT));
            if (clash != null) {
                problems.add(MappingProblem.of(a.ruleId(), "value", "add-column '" + a.name() + "' clashes with "
                        + clash + " in " + tableName() + "; choose another name"));
            }
            seen.put(a.name().toLowerCase(Locale.ROOT), "added column '" + a.name() + "'");
        }
    }

    private void checkName(Map<String, String> seen, String name, String what, TransformationRule rule,
                           String field) {
        String clash = seen.put(name.toLowerCase(Locale.ROOT), what);
        if (clash != null) {
            problems.add(MappingProblem.of(rule == null ? null : rule.ruleId(), rule == null ? "column-name" : field,
                    what + " and " + clash + " of " + tableName() + " both become '" + name
                            + "' (names that differ only by case collide); rename one of them"));
        }
    }

    private void checkReferences() {
        Set<String> sourceNames = columns.stream().map(c -> c.source().name()).collect(Collectors.toSet());
        for (AddedColumn a : added) {
            a.expression().columns().stream().filter(n -> !sourceNames.contains(n)).forEach(n -> problems.add(
                    MappingProblem.of(a.ruleId(), "expression", "refers to $" + n + ", which is not a column of "
                            + tableName() + " (column names are case-sensitive)")));
        }
        for (RuleFilter f : selection.filters()) {
            if (!sourceNames.contains(f.filter().columnName())) {
                problems.add(MappingProblem.of(f.ruleId(), "filters.column-name", "column '"
                        + f.filter().columnName() + "' does not exist in " + tableName()
                        + " (column names are case-sensitive)"));
            }
        }
    }

    private ColumnMapping bySource(String name) {
        return columns.stream().filter(c -> c.source().name().equals(name)).findFirst().orElse(null);
    }

    private String tableName() {
        return tableName;
    }
}
