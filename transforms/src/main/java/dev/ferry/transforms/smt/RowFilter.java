package dev.ferry.transforms.smt;

import dev.ferry.transforms.plan.RuleFilter;
import dev.ferry.transforms.rules.FilterCondition;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;

/** DMS source filters compiled against one row schema: AND across filters, OR within a filter. */
final class RowFilter {
    static final RowFilter NONE = new RowFilter(List.of());

    private record Condition(FilterCondition spec, Object low, Object high) {
    }

    private record Compiled(String fieldName, FilterValues.Domain domain, Condition[] conditions) {
    }

    private final List<Compiled> filters;

    private RowFilter(List<Compiled> filters) {
        this.filters = filters;
    }

    static RowFilter compile(List<RuleFilter> ruleFilters, Schema row) {
        if (ruleFilters.isEmpty()) {
            return NONE;
        }
        List<Compiled> compiled = new ArrayList<>();
        for (RuleFilter rf : ruleFilters) {
            compiled.add(compile(rf, row));
        }
        return new RowFilter(compiled);
    }

    private static Compiled compile(RuleFilter rf, Schema row) {
        String column = rf.filter().columnName();
        Field field = row.field(column);
        if (field == null) {
            throw new DataException("rule-id " + rf.ruleId() + ", field 'filters.column-name': column '" + column
                    + "' is not in the captured row");
        }
        FilterValues.Domain domain = FilterValues.domain(field.schema());
        if (domain == null) {
            throw new DataException("rule-id " + rf.ruleId() + ", field 'filters.column-name': Ferry cannot filter "
                    + "on column '" + column + "' of type " + describe(field.schema()));
        }
        List<Condition> conditions = new ArrayList<>();
        for (FilterCondition c : rf.filter().conditions()) {
            try {
                conditions.add(switch (c.operator().arity()) {
                    case NONE -> new Condition(c, null, null);
                    case ONE -> new Condition(c, domain.literal().apply(c.value()), null);
                    case RANGE -> new Condition(c, domain.literal().apply(c.startValue()),
                            domain.literal().apply(c.endValue()));
                });
            } catch (RuntimeException e) {
                throw new DataException("rule-id " + rf.ruleId() + ", field 'filters.filter-conditions': value of "
                        + c.operator().dmsName() + " does not suit column '" + column + "' of type "
                        + describe(field.schema()) + ": " + e.getMessage(), e);
            }
        }
        return new Compiled(column, domain, conditions.toArray(new Condition[0]));
    }

    private static String describe(Schema s) {
        return s.name() != null ? s.name() : s.type().getName();
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    /** Whether a row image passes every filter. */
    boolean test(Struct row) {
        for (Compiled f : filters) {
            Object raw = row.getWithoutDefault(f.fieldName);
            Object v = raw == null ? null : f.domain.value().apply(raw);
            if (!anyMatches(f.conditions, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(Condition[] conditions, Object v) {
        for (Condition c : conditions) {
            if (matches(c, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Condition c, Object v) {
        return switch (c.spec.operator()) {
            case NULL -> v == null;
            case NOTNULL -> v != null;
            case EQ -> v != null && FilterValues.compare(v, c.low) == 0;
            case NOTEQ -> v != null && FilterValues.compare(v, c.low) != 0;
            case LTE, STE -> v != null && FilterValues.compare(v, c.low) <= 0;
            case GTE -> v != null && FilterValues.compare(v, c.low) >= 0;
            case BETWEEN -> v != null && FilterValues.compare(v, c.low) >= 0 && FilterValues.compare(v, c.high) <= 0;
            case NOTBETWEEN -> v != null && (FilterValues.compare(v, c.low) < 0
                    || FilterValues.compare(v, c.high) > 0);
        };
    }
}
