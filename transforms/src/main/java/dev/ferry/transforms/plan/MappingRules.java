package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.RuleAction;
import dev.ferry.transforms.rules.RuleId;
import dev.ferry.transforms.rules.TransformationRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single place where a mapping document is applied to one source table. Both the {@link Planner} (with the
 * source catalogue) and the SMT (with the columns of a record's schema) call it, so plan and records agree.
 */
public final class MappingRules {
    private final IdentifierCase identifierCase;
    private final SelectionMatcher selection;
    private final List<CompiledRule> schemaRules = new ArrayList<>();
    private final List<CompiledRule> tableRules = new ArrayList<>();
    private final List<CompiledRule> columnRules = new ArrayList<>();

    public MappingRules(MappingDocument document, IdentifierCase identifierCase, boolean ignoreCase) {
        this.identifierCase = identifierCase;
        this.selection = new SelectionMatcher(document, ignoreCase);
        for (TransformationRule rule : document.transformationRules()) {
            CompiledRule compiled = new CompiledRule(rule, new CompiledLocator(rule.locator(), ignoreCase, false));
            switch (rule.target()) {
                case SCHEMA -> schemaRules.add(compiled);
                case TABLE -> tableRules.add(compiled);
                case COLUMN -> columnRules.add(compiled);
            }
        }
    }

    public IdentifierCase identifierCase() {
        return identifierCase;
    }

    public Optional<TableSelection> select(String schema, String table, boolean view) {
        return selection.select(schema, table, view);
    }

    public String targetSchema(String schema) {
        return NameRules.apply(schema, schemaNameRule(schema), identifierCase);
    }

    public String targetTable(String schema, String table) {
        return NameRules.apply(table, tableNameRule(schema, table), identifierCase);
    }

    TransformationRule schemaNameRule(String schema) {
        return CompiledRule.first(schemaRules, RuleAction.Category.NAME, l -> l.matchesSchema(schema));
    }

    TransformationRule tableNameRule(String schema, String table) {
        return CompiledRule.first(tableRules, RuleAction.Category.NAME, l -> l.matchesTable(schema, table));
    }

    /**
     * Maps a table if the document selects it.
     *
     * @param columns    the source columns in source order
     * @param primaryKey the source primary-key column names (empty when none)
     */
    public Optional<TableMapping> map(String schema, String table, boolean view, List<SourceColumn> columns,
                                      List<String> primaryKey) {
        return select(schema, table, view).map(sel -> map(schema, table, sel, columns, primaryKey));
    }

    private TableMapping map(String schema, String table, TableSelection sel, List<SourceColumn> columns,
                             List<String> primaryKey) {
        List<CompiledRule> forTable = columnRules.stream()
                .filter(r -> r.locator().matchesTable(schema, table)).toList();
        TransformationRule keyRule = CompiledRule.first(tableRules, RuleAction.Category.PRIMARY_KEY,
                l -> l.matchesTable(schema, table));
        ColumnMapper mapper = new ColumnMapper(schema + "." + table, forTable, identifierCase, columns, primaryKey, sel, keyRule);
        TransformationRule tableRule = tableNameRule(schema, table);
        RuleId tableRuleId = tableRule == null ? null : tableRule.ruleId();
        return new TableMapping(schema, table, targetSchema(schema), targetTable(schema, table),
                mapper.columns(), mapper.addedColumns(), mapper.primaryKey(),
                keyRule == null ? null : keyRule.primaryKeyDef(), tableRuleId, sel, mapper.problems());
    }
}
