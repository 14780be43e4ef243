package dev.ferry.transforms.smt;

import dev.ferry.transforms.plan.MappingRules;
import dev.ferry.transforms.plan.SourceColumn;
import dev.ferry.transforms.plan.TableMapping;
import dev.ferry.transforms.rules.MappingProblem;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a {@link CompiledTable} for one (topic, key schema, value schema): the columns come from the
 * {@code after} schema (with Debezium's {@code __debezium.source.column.type}), the primary key from the key schema.
 */
final class TableCompiler {
    private final MappingRules rules;

    TableCompiler(MappingRules rules) {
        this.rules = rules;
    }

    /** The compiled table, or empty when the mapping does not select the source table. */
    Optional<CompiledTable> compile(SourceTable source, String topic, Schema keySchema, Schema valueSchema) {
        Schema rowSchema = rowSchema(topic, keySchema, valueSchema);
        Optional<TableMapping> selected = rules.map(source.schema(), source.table(), false, columns(rowSchema),
                keyColumns(keySchema));
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        TableMapping mapping = selected.get();
        boolean structKey = keySchema != null && keySchema.type() == Schema.Type.STRUCT;
        if (valueSchema == null) {
            return Optional.of(tombstonesOnly(source, mapping, structKey ? keySchema : null));
        }
        if (!mapping.problems().isEmpty()) {
            throw new DataException("The table-mapping rules cannot be applied to " + source + ": "
                    + mapping.problems().stream().map(MappingProblem::toString).collect(Collectors.joining("; ")));
        }
        RowPlan rowPlan = RowPlan.compile(rowSchema, mapping, true);
        KeyFromRow keyFromRow = mapping.primaryKeyRedefined() ? new KeyFromRow(keyName(keySchema, topic),
                rowPlan.schema(), mapping.primaryKey()) : null;
        RowPlan keyPlan = structKey && keyFromRow == null ? RowPlan.compile(keySchema, mapping, false) : null;
        EnvelopePlan envelope = new EnvelopePlan(valueSchema, rowPlan.schema(), topic);
        RowFilter filter = RowFilter.compile(mapping.filters(), rowSchema);
        return Optional.of(new CompiledTable(source, mapping, rowPlan, keyPlan, keyFromRow, envelope, filter));
    }

    /**
     * For a tombstone seen before any event with the same key schema: only its key can be mapped, and only when
     * the table keeps its source key (otherwise the tombstone is dropped).
     */
    private static CompiledTable tombstonesOnly(SourceTable source, TableMapping mapping, Schema keySchema) {
        boolean keepKey = keySchema != null && !mapping.primaryKeyRedefined() && !mapping.softDeletes();
        RowPlan keyPlan = keepKey ? RowPlan.compile(keySchema, mapping, false) : null;
        return new CompiledTable(source, mapping, null, keyPlan, null, null, RowFilter.NONE);
    }

    /** The row schema; for a tombstone seen before any event of its topic, the key schema stands in. */
    private static Schema rowSchema(String topic, Schema keySchema, Schema valueSchema) {
        if (valueSchema != null) {
            Field after = valueSchema.type() == Schema.Type.STRUCT ? valueSchema.field("after") : null;
            if (after == null || after.schema().type() != Schema.Type.STRUCT) {
                throw new DataException("record on table topic " + topic + " is not a Debezium change event with a "
                        + "schema (no struct 'after' field); use a converter with schemas enabled");
            }
            return after.schema();
        }
        if (keySchema != null && keySchema.type() == Schema.Type.STRUCT) {
            return keySchema;
        }
        throw new DataException("tombstone on table topic " + topic + " has neither a value schema nor a struct key");
    }

    private static List<SourceColumn> columns(Schema row) {
        List<SourceColumn> columns = new ArrayList<>();
        for (Field f : row.fields()) {
            String type = f.schema().parameters() == null ? null
                    : f.schema().parameters().get(FerryParameters.SOURCE_COLUMN_TYPE);
            columns.add(new SourceColumn(f.name(), type, f.schema().isOptional(), f.index() + 1));
        }
        return columns;
    }

    private static List<String> keyColumns(Schema key) {
        if (key == null || key.type() != Schema.Type.STRUCT) {
            return List.of();
        }
        return key.fields().stream().map(Field::name).toList();
    }

    private static String keyName(Schema keySchema, String topic) {
        return keySchema != null && keySchema.name() != null ? keySchema.name() : topic + ".Key";
    }
}
