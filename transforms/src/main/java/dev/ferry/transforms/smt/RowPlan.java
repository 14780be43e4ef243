package dev.ferry.transforms.smt;

import dev.ferry.transforms.plan.AddedColumn;
import dev.ferry.transforms.plan.ColumnMapping;
import dev.ferry.transforms.plan.TableMapping;
import dev.ferry.transforms.rules.DataType;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Copies one row image (or key) from a source schema to the derived target schema: renamed, dropped, converted,
 * masked and added fields. Built once per schema; {@link #apply} only copies values.
 */
final class RowPlan {
    /** Produces the value of one target field. */
    private interface FieldSource {
        Object value(Struct row, RowContext context);
    }

    private final Schema schema;
    private final Field[] targets;
    private final FieldSource[] sources;
    private final boolean needsContext;

    private RowPlan(Schema schema, List<FieldSource> sources, boolean needsContext) {
        this.schema = schema;
        this.targets = schema.fields().toArray(new Field[0]);
        this.sources = sources.toArray(new FieldSource[0]);
        this.needsContext = needsContext;
    }

    Schema schema() {
        return schema;
    }

    /**
     * Compiles a plan for {@code source} (a row or key schema).
     *
     * @param withAdded whether add-column columns are appended (rows: yes; keys: no)
     */
    static RowPlan compile(Schema source, TableMapping mapping, boolean withAdded) {
        Map<String, ColumnMapping> byName = new HashMap<>();
        mapping.columns().forEach(c -> byName.put(c.source().name(), c));
        SchemaBuilder builder = Schemas.emptyStructLike(source);
        List<FieldSource> sources = new ArrayList<>();
        for (Field f : source.fields()) {
            ColumnMapping c = byName.get(f.name());
            if (c == null) {
                throw new DataException("field '" + f.name() + "' of " + mapping.sourceName() + " is not a column "
                        + "of the row; the key and the row schemas disagree");
            }
            if (!c.dropped()) {
                sources.add(kept(f, c, builder));
            }
        }
        boolean added = withAdded && !mapping.addedColumns().isEmpty();
        if (added) {
            mapping.addedColumns().forEach(a -> sources.add(added(a, builder)));
        }
        return new RowPlan(builder.build(), sources, added);
    }

    private static FieldSource kept(Field f, ColumnMapping c, SchemaBuilder builder) {
        FieldSource read = reader(f);
        Schema schema = f.schema();
        UnaryOperator<Object> mask = null;
        if (c.mask() != null) {
            if (schema.type() != Schema.Type.STRING) {
                throw new DataException("rule-id " + c.maskRule().ruleId() + ", field 'rule-action': "
                        + c.maskRule().action().dmsName() + " applies to string columns only, but column '"
                        + f.name() + "' is " + schema.type().getName());
            }
            mask = Masking.of(c.mask(), c.maskRule().value());
            schema = Schemas.withParameters(schema, Map.of(FerryParameters.DERIVED, "true"));
        }
        UnaryOperator<Object> convert = null;
        DataType type = c.targetType();
        if (type != null && DmsTypes.convertible(schema, type)) {
            Schema target = convertedSchema(schema, type);
            convert = v -> ValueConverter.convert(v, target);
            schema = target;
        } else if (type != null) {
            schema = Schemas.withParameters(schema, Map.of(FerryParameters.TARGET_TYPE, type.render()));
        }
        builder.field(c.targetName(), schema);
        return compose(read, mask, convert);
    }

    private static Schema convertedSchema(Schema source, DataType type) {
        SchemaBuilder b = DmsTypes.builder(type);
        if (source.parameters() != null) {
            source.parameters().forEach((k, v) -> {
                if (!k.equals(org.apache.kafka.connect.data.Decimal.SCALE_FIELD)) {
                    b.parameter(k, v);
                }
            });
        }
        b.parameter(FerryParameters.TARGET_TYPE, type.render());
        if (source.isOptional()) {
            b.optional();
        }
        return b.build();
    }

    private static FieldSource reader(Field f) {
        if (f.schema().defaultValue() == null) {
            return (row, ctx) -> row.get(f);
        }
        String name = f.name();
        return (row, ctx) -> row.getWithoutDefault(name);
    }

    private static FieldSource compose(FieldSource read, UnaryOperator<Object> mask, UnaryOperator<Object> convert) {
        if (mask == null && convert == null) {
            return read;
        }
        return (row, ctx) -> {
            Object v = read.value(row, ctx);
            if (mask != null) {
                v = mask.apply(v);
            }
            return convert == null ? v : convert.apply(v);
        };
    }

    private static FieldSource added(AddedColumn a, SchemaBuilder builder) {
        Schema schema = DmsTypes.builder(a.dataType()).optional()
                .parameter(FerryParameters.TARGET_TYPE, a.dataType().render())
                .parameter(FerryParameters.DERIVED, "true").build();
        builder.field(a.name(), schema);
        return (row, ctx) -> {
            try {
                return ValueConverter.convert(a.expression().evaluate(ctx), schema);
            } catch (RuntimeException e) {
                throw new DataException("rule-id " + a.ruleId() + ", field 'expression': cannot compute column '"
                        + a.name() + "' from \"" + a.expression().text() + "\": " + e.getMessage(), e);
            }
        };
    }

    /** Copies {@code row} into a new struct of the target schema; {@code row} is never modified. */
    Struct apply(Struct row, char operation, String sourceSchema, String sourceTable) {
        if (row == null) {
            return null;
        }
        RowContext context = needsContext ? new RowContext(row, operation, sourceSchema, sourceTable) : null;
        Struct out = new Struct(schema);
        for (int i = 0; i < targets.length; i++) {
            out.put(targets[i], sources[i].value(row, context));
        }
        return out;
    }
}
