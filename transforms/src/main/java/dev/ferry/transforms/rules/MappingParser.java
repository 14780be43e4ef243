package dev.ferry.transforms.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a DMS table-mapping document ({@code {"rules": [...]}}, JSON or the equivalent YAML) with DMS's exact
 * field names, collects every problem, and throws one {@link MappingException} when there is any.
 */
public final class MappingParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = new YAMLMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String RULE_TYPES = "selection, transformation, table-settings";

    public MappingDocument parse(String text) {
        JsonNode root = readTree(text);
        List<MappingProblem> problems = new ArrayList<>();
        JsonNode rules = rulesArray(root, problems);
        List<SelectionRule> selections = new ArrayList<>();
        List<TransformationRule> transformations = new ArrayList<>();
        List<IgnoredRule> ignored = new ArrayList<>();
        Set<RuleId> seen = new HashSet<>();
        for (int i = 0; rules != null && i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            if (!rule.isObject()) {
                problems.add(new MappingProblem(null, "rules[" + i + "]", "must be an object, not " + rule));
                continue;
            }
            RuleId id = ruleId(rule, i, problems, seen);
            RuleReader reader = new RuleReader(rule, id, "", problems);
            dispatch(reader, selections, transformations, ignored);
        }
        if (!hasSelectionRule(rules)) {
            problems.add(new MappingProblem(null, "rules", "no selection rule; add at least one rule with "
                    + "\"rule-type\": \"selection\" and \"rule-action\": \"include\" (nothing would be migrated)"));
        }
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return new MappingDocument(selections, transformations, ignored);
    }

    private static boolean hasSelectionRule(JsonNode rules) {
        for (JsonNode rule : rules) {
            JsonNode type = rule.get("rule-type");
            if (type != null && type.asText().equalsIgnoreCase("selection")) {
                return true;
            }
        }
        return false;
    }

    private static void dispatch(RuleReader reader, List<SelectionRule> selections,
                                 List<TransformationRule> transformations, List<IgnoredRule> ignored) {
        String type = reader.requiredText("rule-type", "use one of: " + RULE_TYPES);
        if (type == null) {
            return;
        }
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "selection" -> SelectionRuleParser.parse(reader).ifPresent(selections::add);
            case "transformation" -> TransformationRuleParser.parse(reader).ifPresent(transformations::add);
            case "table-settings" -> ignored.add(new IgnoredRule(reader.ruleId(), type,
                    "table-settings (parallel load, LOB settings) do not apply to Debezium capture"));
            default -> reader.problem("rule-type", "unknown value '" + type + "'; "
                    + Suggestions.hint(type, List.of("selection", "transformation", "table-settings"),
                    "allowed values"));
        }
    }

    private static RuleId ruleId(JsonNode rule, int index, List<MappingProblem> problems, Set<RuleId> seen) {
        JsonNode id = rule.get("rule-id");
        if (id == null || id.isNull() || !id.isValueNode() || id.asText().isBlank()) {
            RuleId placeholder = RuleId.of("#" + (index + 1));
            problems.add(MappingProblem.of(placeholder, "rule-id", "is missing; every rule needs a unique "
                    + "rule-id (rule #" + (index + 1) + " in the rules array)"));
            return placeholder;
        }
        RuleId ruleId = RuleId.of(id.asText());
        if (!seen.add(ruleId)) {
            problems.add(MappingProblem.of(ruleId, "rule-id", "is used by more than one rule; rule-ids must be "
                    + "unique because the lowest rule-id decides between competing rules"));
        }
        return ruleId;
    }

    private static JsonNode rulesArray(JsonNode root, List<MappingProblem> problems) {
        if (root == null || !root.isObject()) {
            problems.add(new MappingProblem(null, "rules", "the document must be an object {\"rules\": [...]}"));
            throw new MappingException(problems);
        }
        RuleReader top = new RuleReader(root, null, "", problems);
        top.rejectUnknownKeys(List.of("rules"));
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            problems.add(new MappingProblem(null, "rules", rules == null
                    ? "is missing; the document must be {\"rules\": [...]}"
                    : "must be an array of rules"));
            throw new MappingException(problems);
        }
        return rules;
    }

    private static JsonNode readTree(String text) {
        if (text == null || text.isBlank()) {
            throw new MappingException(List.of(new MappingProblem(null, "rules",
                    "the table-mapping document is empty; expected {\"rules\": [...]}")));
        }
        boolean json = text.stripLeading().startsWith("{");
        try {
            return (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MappingException(List.of(new MappingProblem(null, "rules", "the document is not valid "
                    + (json ? "JSON" : "YAML") + where + ": " + e.getOriginalMessage())));
        }
    }
}
