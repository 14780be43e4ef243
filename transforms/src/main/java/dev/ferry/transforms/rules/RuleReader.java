package dev.ferry.transforms.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the fields of one JSON object of a rule (the rule itself, its object-locator, a filter...) and records a
 * {@link MappingProblem} for every missing, mistyped or unknown field instead of failing on the first.
 */
final class RuleReader {
    private final JsonNode node;
    private final RuleId ruleId;
    private final String path;
    private final List<MappingProblem> problems;

    RuleReader(JsonNode node, RuleId ruleId, String path, List<MappingProblem> problems) {
        this.node = node;
        this.ruleId = ruleId;
        this.path = path;
        this.problems = problems;
    }

    RuleId ruleId() {
        return ruleId;
    }

    int problemCount() {
        return problems.size();
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(MappingProblem.of(ruleId, field(key), message));
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** A string field; numbers and booleans are accepted and written as text (DMS documents mix both). */
    String text(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        problem(key, "must be a string, not " + kind(v));
        return null;
    }

    String requiredText(String key, String why) {
        String v = text(key);
        if (v == null && !has(key)) {
            problem(key, "is missing; " + why);
        } else if (v != null && v.isEmpty()) {
            problem(key, "is empty; " + why);
            return null;
        }
        return v;
    }

    Integer integer(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) {
            return Integer.valueOf(v.asText().trim());
        }
        problem(key, "must be an integer, not " + kind(v) + " " + v);
        return null;
    }

    RuleReader object(String key, boolean required, String why) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problem(key, "is missing; " + why);
            }
            return null;
        }
        if (!v.isObject()) {
            problem(key, "must be an object, not " + kind(v));
            return null;
        }
        return new RuleReader(v, ruleId, field(key), problems);
    }

    List<RuleReader> array(String key) {
        JsonNode v = node.get(key);
        List<RuleReader> items = new ArrayList<>();
        if (v == null || v.isNull()) {
            return items;
        }
        if (!v.isArray()) {
            problem(key, "must be an array, not " + kind(v));
            return items;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = field(key) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(MappingProblem.of(ruleId, itemPath, "must be an object, not " + kind(item)));
            } else {
                items.add(new RuleReader(item, ruleId, itemPath, problems));
            }
        }
        return items;
    }

    List<String> textArray(String key) {
        JsonNode v = node.get(key);
        List<String> items = new ArrayList<>();
        if (v == null || v.isNull()) {
            return items;
        }
        if (!v.isArray()) {
            problem(key, "must be an array of strings, not " + kind(v));
            return items;
        }
        v.forEach(item -> {
            if (item.isValueNode() && !item.isNull()) {
                items.add(item.asText());
            } else {
                problem(key, "must hold only strings, found " + kind(item));
            }
        });
        return items;
    }

    <E extends Enum<E> & DmsEnum> E enumValue(String key, Class<E> type, boolean required, String why) {
        String text = required ? requiredText(key, why) : text(key);
        if (text == null) {
            return null;
        }
        E found = DmsEnum.find(type, text);
        if (found == null) {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.dmsName());
            }
            problem(key, "unknown value '" + text + "'; " + Suggestions.hint(text, names, "allowed values"));
        }
        return found;
    }

    /** Records a problem for every key not in {@code allowed}, with the nearest allowed key as a hint. */
    void rejectUnknownKeys(List<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problem(key, "unknown key; " + Suggestions.hint(key, allowed, "allowed keys"));
            }
        }
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
