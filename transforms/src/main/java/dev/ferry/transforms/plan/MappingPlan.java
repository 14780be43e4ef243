package dev.ferry.transforms.plan;

import java.util.List;

/**
 * The result of {@link Planner#plan}: every selected table, in load order, and what the capture needs.
 *
 * @param tables          selected tables, highest load-order first, then by source name
 * @param extraCaptured   tables the include list also captures although no rule selects them, because Debezium
 *                        matches include lists case-insensitively ({@code shop.Orders} when only
 *                        {@code shop.orders} is selected); the SMT drops their events
 */
public record MappingPlan(List<TableMapping> tables, List<String> extraCaptured) {
    public MappingPlan {
        tables = List.copyOf(tables);
        extraCaptured = List.copyOf(extraCaptured);
    }

    /** The selected schemas (MySQL/MariaDB: databases), in first-seen order. */
    public List<String> sourceSchemas() {
        return tables.stream().map(TableMapping::sourceSchema).distinct().toList();
    }

    /**
     * Debezium {@code table.include.list} entries: one anchored regular expression per selected table, with every
     * regex metacharacter (and the list separator {@code ,}) escaped.
     */
    public List<String> tableIncludeList() {
        return tables.stream().map(t -> IncludeList.escape(t.sourceSchema()) + "\\."
                + IncludeList.escape(t.sourceTable())).toList();
    }

    /** The table mapping for a source table, if it is selected. */
    public java.util.Optional<TableMapping> table(String sourceSchema, String sourceTable) {
        return tables.stream().filter(t -> t.sourceSchema().equals(sourceSchema)
                && t.sourceTable().equals(sourceTable)).findFirst();
    }
}
