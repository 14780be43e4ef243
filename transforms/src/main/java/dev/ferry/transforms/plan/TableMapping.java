package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.MappingProblem;
import dev.ferry.transforms.rules.PrimaryKeyDef;
import dev.ferry.transforms.rules.RuleId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one selected source table becomes in the target.
 *
 * @param columns         every source column in source order, kept or dropped
 * @param addedColumns    columns added by {@code add-column}, in rule-id order, after the source columns
 * @param primaryKey      target names of the key columns, in key order (empty: no key)
 * @param primaryKeyRule  the {@code define-primary-key} rule that redefined the key, or {@code null}
 * @param tableNameRuleId the rule that named the table, or {@code null}
 * @param problems        what is wrong with this table's rules (empty when it can be migrated)
 */
public record TableMapping(String sourceSchema, String sourceTable, String targetSchema, String targetTable,
                           List<ColumnMapping> columns, List<AddedColumn> addedColumns, List<String> primaryKey,
                           PrimaryKeyDef primaryKeyRule, RuleId tableNameRuleId, TableSelection selection,
                           List<MappingProblem> problems) {

    public TableMapping {
        columns = List.copyOf(columns);
        addedColumns = List.copyOf(addedColumns);
        primaryKey = List.copyOf(primaryKey);
        problems = List.copyOf(problems);
    }

    public String sourceName() {
        return sourceSchema + "." + sourceTable;
    }

    public String targetName() {
        return targetSchema + "." + targetTable;
    }

    public List<RuleFilter> filters() {
        return selection.filters();
    }

    public int loadOrder() {
        return selection.loadOrder();
    }

    public boolean primaryKeyRedefined() {
        return primaryKeyRule != null;
    }

    /** True when an add-column expression uses operation_indicator: deletes then become flagged rows. */
    public boolean softDeletes() {
        return addedColumns.stream().anyMatch(a -> a.expression().usesOperationIndicator());
    }

    /** The kept columns, in target order. */
    public List<ColumnMapping> keptColumns() {
        return columns.stream().filter(c -> !c.dropped()).toList();
    }

    /**
     * The source columns the capture must read: kept columns plus any dropped column that a filter, an
     * expression or the key still needs.
     */
    public List<String> capturedColumns() {
        Set<String> needed = new LinkedHashSet<>();
        filters().forEach(f -> needed.add(f.filter().columnName()));
        addedColumns.forEach(a -> needed.addAll(a.expression().columns()));
        List<String> captured = new ArrayList<>();
        for (ColumnMapping c : columns) {
            if (!c.dropped() || needed.contains(c.source().name())) {
                captured.add(c.source().name());
            }
        }
        return captured;
    }
}
