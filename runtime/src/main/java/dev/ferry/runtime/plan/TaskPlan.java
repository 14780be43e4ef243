package dev.ferry.runtime.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.ferry.runtime.task.TaskFile;
import dev.ferry.runtime.task.TaskFileException;
import dev.ferry.source.discovery.Catalog;
import dev.ferry.source.discovery.SchemaDiscovery;
import dev.ferry.source.discovery.TableInfo;
import dev.ferry.source.endpoint.JdbcEndpoints;
import dev.ferry.source.preflight.TableRef;
import dev.ferry.transforms.plan.MappingPlan;
import dev.ferry.transforms.plan.Planner;
import dev.ferry.transforms.plan.TableMapping;
import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.MappingException;
import dev.ferry.transforms.rules.MappingParser;

/** The source catalogue and the mapping applied to it: what a task captures and what each table becomes. */
public record TaskPlan(Catalog catalog, MappingPlan mapping) {

    /** Reads the source catalogue and plans; a bad mapping document is a {@link TaskFileException} (exit 2). */
    public static TaskPlan of(TaskFile task) throws SQLException {
        MappingDocument document = document(task);
        try (Connection c = JdbcEndpoints.connect(task.source())) {
            Catalog catalog = SchemaDiscovery.discover(c, task.source().engine().isMySqlFamily(), List.of());
            boolean caseInsensitive = task.source().engine().isMySqlFamily() && lowerCaseTableNames(c) > 0;
            MappingPlan plan = Planner.plan(document, Catalogs.toSourceCatalog(catalog, caseInsensitive),
                    IdentifierCase.parse(task.settings().identifierCase()));
            return new TaskPlan(catalog, plan);
        } catch (MappingException e) {
            throw problems(task, e);
        }
    }

    static MappingDocument document(TaskFile task) {
        try {
            return new MappingParser().parse(task.tableMappings());
        } catch (MappingException e) {
            throw problems(task, e);
        }
    }

    private static TaskFileException problems(TaskFile task, MappingException e) {
        return new TaskFileException(e.problems().stream()
                .map(p -> task.file().getFileName() + ": table-mappings: " + p).toList());
    }

    private static int lowerCaseTableNames(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT @@lower_case_table_names")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public TableInfo source(TableMapping t) {
        return catalog.table(t.sourceSchema(), t.sourceTable()).orElseThrow();
    }

    /** The selected tables, for the preflight checks. */
    public List<TableRef> tableRefs() {
        return mapping.tables().stream()
                .map(t -> new TableRef(t.sourceSchema(), t.sourceTable(), !t.primaryKey().isEmpty()))
                .toList();
    }

    /** Tables the plan selected, as {@code schema.table} in lower case, for quick lookups. */
    public List<String> selectedNames() {
        return mapping.tables().stream().map(t -> t.sourceName().toLowerCase(Locale.ROOT)).toList();
    }
}
