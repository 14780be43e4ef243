package dev.ferry.transforms.rules;

import dev.ferry.transforms.expr.ExpressionException;
import dev.ferry.transforms.expr.ExpressionParser;

import java.util.List;
import java.util.Optional;

/** Reads one DMS transformation rule and checks that it has exactly the fields its action needs. */
final class TransformationRuleParser {
    private static final List<String> KEYS = List.of("rule-type", "rule-id", "rule-name", "rule-target",
            "rule-action", "object-locator", "value", "old-value", "expression", "data-type", "primary-key-def");
    private static final List<String> SCHEMA_LOCATOR = List.of("schema-name");
    private static final List<String> TABLE_LOCATOR = List.of("schema-name", "table-name", "table-type");
    private static final List<String> COLUMN_LOCATOR = List.of("schema-name", "table-name", "column-name",
            "data-type");
    private static final List<String> DATA_TYPE_KEYS = List.of("type", "length", "precision", "scale");
    private static final List<String> PK_KEYS = List.of("name", "origin", "columns");

    private TransformationRuleParser() {
    }

    static Optional<TransformationRule> parse(RuleReader rule) {
        rule.rejectUnknownKeys(KEYS);
        RuleTarget target = rule.enumValue("rule-target", RuleTarget.class, true,
                "use one of: " + DmsEnum.allowed(RuleTarget.class));
        RuleAction action = rule.enumValue("rule-action", RuleAction.class, true,
                "use one of: " + DmsEnum.allowed(RuleAction.class));
        if (target != null && action != null && !action.appliesTo(target)) {
            rule.problem("rule-action", "'" + action.dmsName() + "' does not apply to rule-target '"
                    + target.dmsName() + "'; it applies to: " + action.targets().stream()
                    .map(RuleTarget::dmsName).reduce((a, b) -> a + ", " + b).orElse(""));
            return Optional.empty();
        }
        ObjectLocator locator = target == null ? null : locator(rule, target, action);
        if (target == null || action == null || locator == null) {
            return Optional.empty();
        }
        int before = rule.problemCount();
        TransformationRule parsed = new TransformationRule(rule.ruleId(), rule.text("rule-name"), target, action,
                locator, valueFor(rule, action), oldValueFor(rule, action), expressionFor(rule, action),
                dataTypeFor(rule, action), primaryKeyFor(rule, action));
        return rule.problemCount() == before ? Optional.of(parsed) : Optional.empty();
    }

    private static ObjectLocator locator(RuleReader rule, RuleTarget target, RuleAction action) {
        RuleReader loc = rule.object("object-locator", true, "name the objects the rule applies to");
        if (loc == null) {
            return null;
        }
        loc.rejectUnknownKeys(switch (target) {
            case SCHEMA -> SCHEMA_LOCATOR;
            case TABLE -> TABLE_LOCATOR;
            case COLUMN -> COLUMN_LOCATOR;
        });
        String schema = loc.requiredText("schema-name", "use % to match every schema");
        String table = target == RuleTarget.SCHEMA ? null
                : loc.requiredText("table-name", "use % to match every table");
        String column = null;
        if (target == RuleTarget.COLUMN) {
            column = action == RuleAction.ADD_COLUMN ? loc.text("column-name")
                    : loc.requiredText("column-name", "use % to match every column");
        }
        if (action == RuleAction.DEFINE_PRIMARY_KEY) {
            SelectionRuleParser.rejectPercent(loc, "schema-name", schema);
            SelectionRuleParser.rejectPercent(loc, "table-name", table);
        }
        if (schema == null || (target != RuleTarget.SCHEMA && table == null)) {
            return null;
        }
        return new ObjectLocator(schema, table, column, loc.text("data-type"), null);
    }

    private static String valueFor(RuleReader rule, RuleAction action) {
        return switch (action.needs()) {
            case VALUE, VALUE_AND_OLD_VALUE, VALUE_EXPRESSION_TYPE -> requiredValue(rule, action);
            default -> unused(rule, "value", action);
        };
    }

    private static String requiredValue(RuleReader rule, RuleAction action) {
        String value = rule.requiredText("value", switch (action) {
            case RENAME -> "rule-action 'rename' needs the new name in value";
            case ADD_COLUMN -> "rule-action 'add-column' needs the new column's name in value";
            case DATA_MASKING_DIGITS_MASK -> "rule-action 'data-masking-digits-mask' needs the mask character "
                    + "in value, e.g. \"#\"";
            default -> "rule-action '" + action.dmsName() + "' needs the prefix or suffix in value";
        });
        if (value != null && action == RuleAction.DATA_MASKING_DIGITS_MASK && !isMaskCharacter(value)) {
            rule.problem("value", "must be one printable ASCII character other than a space, not '" + value + "'");
        }
        return value;
    }

    private static boolean isMaskCharacter(String value) {
        return value.length() == 1 && value.charAt(0) > ' ' && value.charAt(0) < 127;
    }

    private static String oldValueFor(RuleReader rule, RuleAction action) {
        if (action.needs() == RuleAction.Needs.VALUE_AND_OLD_VALUE) {
            return rule.requiredText("old-value", "rule-action '" + action.dmsName()
                    + "' needs the text to replace in old-value");
        }
        return unused(rule, "old-value", action);
    }

    private static String expressionFor(RuleReader rule, RuleAction action) {
        if (action != RuleAction.ADD_COLUMN) {
            return unused(rule, "expression", action);
        }
        String expression = rule.requiredText("expression", "rule-action 'add-column' computes the column from "
                + "an expression, e.g. \"$first_name||' '||$last_name\"");
        if (expression != null) {
            try {
                ExpressionParser.parse(expression);
            } catch (ExpressionException e) {
                rule.problem("expression", e.getMessage());
            }
        }
        return expression;
    }

    private static DataType dataTypeFor(RuleReader rule, RuleAction action) {
        boolean needed = action.needs() == RuleAction.Needs.DATA_TYPE
                || action.needs() == RuleAction.Needs.VALUE_EXPRESSION_TYPE;
        RuleReader dt = rule.object("data-type", needed, "rule-action '" + action.dmsName()
                + "' needs a data-type such as {\"type\": \"string\", \"length\": 50}");
        if (dt == null) {
            return null;
        }
        if (!needed) {
            rule.problem("data-type", "is not used by rule-action '" + action.dmsName() + "'; remove it");
            return null;
        }
        dt.rejectUnknownKeys(DATA_TYPE_KEYS);
        String type = dt.requiredText("type", "use one of: " + String.join(", ", DataType.TYPES.stream()
                .sorted().toList()));
        if (type != null && !DataType.TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
            dt.problem("type", "unknown value '" + type + "'; " + Suggestions.hint(type,
                    DataType.TYPES.stream().sorted().toList(), "allowed values"));
            return null;
        }
        return type == null ? null : new DataType(type.toLowerCase(java.util.Locale.ROOT), dt.integer("length"),
                dt.integer("precision"), dt.integer("scale"));
    }

    private static PrimaryKeyDef primaryKeyFor(RuleReader rule, RuleAction action) {
        boolean needed = action == RuleAction.DEFINE_PRIMARY_KEY;
        RuleReader pk = rule.object("primary-key-def", needed, "rule-action 'define-primary-key' needs "
                + "{\"name\": ..., \"columns\": [...]}");
        if (pk == null) {
            return null;
        }
        if (!needed) {
            rule.problem("primary-key-def", "is not used by rule-action '" + action.dmsName() + "'; remove it");
            return null;
        }
        pk.rejectUnknownKeys(PK_KEYS);
        String name = pk.requiredText("name", "name the key or unique index");
        String origin = pk.text("origin");
        if (origin != null && !origin.equals(PrimaryKeyDef.PRIMARY_KEY) && !origin.equals(PrimaryKeyDef.UNIQUE_INDEX)) {
            pk.problem("origin", "unknown value '" + origin + "'; allowed values: primary-key, unique-index");
        }
        List<String> columns = pk.textArray("columns");
        if (columns.isEmpty()) {
            pk.problem("columns", "is missing or empty; list the key columns in order");
        }
        columns.forEach(c -> {
            if (c.indexOf('%') >= 0) {
                pk.problem("columns", "the wildcard '%' is not allowed in key column '" + c + "'");
            }
        });
        return new PrimaryKeyDef(name, origin == null ? PrimaryKeyDef.PRIMARY_KEY : origin, columns);
    }

    private static String unused(RuleReader rule, String key, RuleAction action) {
        String v = rule.has(key) ? rule.text(key) : null;
        if (v != null && !v.isEmpty()) {
            rule.problem(key, "is not used by rule-action '" + action.dmsName() + "'; remove it");
        }
        return null;
    }
}
