package dev.ferry.transforms.plan;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.MappingException;
import dev.ferry.transforms.rules.MappingProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a mapping document to the source catalogue: exactly which tables and columns are captured, what each
 * becomes in the target, with filters, keys and load order. Used by the source connector and {@code ferry plan}.
 */
public final class Planner {
    private Planner() {
    }

    /** Plans the migration; throws {@link MappingException} listing every problem found. */
    public static MappingPlan plan(MappingDocument document, SourceCatalog catalog, IdentifierCase identifierCase) {
        MappingRules rules = new MappingRules(document, identifierCase, catalog.caseInsensitiveNames());
        List<TableMapping> tables = new ArrayList<>();
        List<MappingProblem> problems = new ArrayList<>();
        for (CatalogSchema schema : catalog.schemas()) {
            for (CatalogTable table : schema.tables()) {
                Optional<TableMapping> mapped = rules.map(schema.name(), table.name(), table.view(),
                        table.columns(), table.primaryKey());
                mapped.ifPresent(m -> {
                    checkView(table, m, problems);
                    problems.addAll(m.problems());
                    tables.add(m);
                });
            }
        }
        tables.sort(Comparator.comparing(TableMapping::sourceName));
        checkTargetCollisions(tables, problems);
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        tables.sort(Comparator.comparingInt(TableMapping::loadOrder).reversed()
                .thenComparing(TableMapping::sourceName));

        return new MappingPlan(tables, extraCaptured(catalog, tables));
    }

    private static void checkView(CatalogTable table, TableMapping m, List<MappingProblem> problems) {
        if (table.view()) {
            problems.add(new MappingProblem(m.selection().ruleIds().get(0).text(), "object-locator.table-type",
                    "selects view " + m.sourceName() + ", but change data capture reads tables only; "
                            + "select the underlying tables or use \"table-type\": \"table\""));
        }
    }

    private static void checkTargetCollisions(List<TableMapping> tables, List<MappingProblem> problems) {
        Map<String, TableMapping> exact = new HashMap<>();
        Map<String, TableMapping> folded = new HashMap<>();
        for (TableMapping t : tables) {
            TableMapping same = exact.putIfAbsent(t.targetName(), t);
            TableMapping similar = folded.putIfAbsent(t.targetName().toLowerCase(Locale.ROOT), t);
            String ruleId = t.tableNameRuleId() == null ? null : t.tableNameRuleId().text();
            if (same != null) {
                problems.add(new MappingProblem(ruleId, "rule-action", "source tables " + same.sourceName()
                        + " and " + t.sourceName() + " are both mapped to " + t.targetName()
                        + "; DMS does not merge tables, so rename one of them"));
            } else if (similar != null) {
                problems.add(new MappingProblem(ruleId, "rule-action", "source tables " + similar.sourceName()
                        + " and " + t.sourceName() + " map to " + similar.targetName() + " and " + t.targetName()
                        + ", which differ only by case; rename one so they cannot collide in the target"));
            }
        }
    }

    private static List<String> extraCaptured(SourceCatalog catalog, List<TableMapping> tables) {
        Set<String> selected = new HashSet<>();
        Set<String> selectedFolded = new HashSet<>();
        tables.forEach(t -> {
            selected.add(t.sourceName());
            selectedFolded.add(t.sourceName().toLowerCase(Locale.ROOT));
        });
        List<String> extra = new ArrayList<>();
        for (CatalogSchema s : catalog.schemas()) {
            for (CatalogTable t : s.tables()) {
                String name = s.name() + "." + t.name();
                if (!selected.contains(name) && selectedFolded.contains(name.toLowerCase(Locale.ROOT))) {
                    extra.add(name);
                }
            }
        }
        return extra;
    }
}
