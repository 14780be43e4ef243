package dev.ferry.transforms.rules;

import java.util.Comparator;
import java.util.List;

/** A parsed and validated DMS table-mapping document. Rules are sorted by rule-id. */
public final class MappingDocument {
    private final List<SelectionRule> selectionRules;
    private final List<TransformationRule> transformationRules;
    private final List<IgnoredRule> ignoredRules;

    public MappingDocument(List<SelectionRule> selectionRules, List<TransformationRule> transformationRules,
                           List<IgnoredRule> ignoredRules) {
        this.selectionRules = selectionRules.stream()
                .sorted(Comparator.comparing(SelectionRule::ruleId)).toList();
        this.transformationRules = transformationRules.stream()
                .sorted(Comparator.comparing(TransformationRule::ruleId)).toList();
        this.ignoredRules = List.copyOf(ignoredRules);
    }

    /** Parses a JSON or YAML document; throws {@link MappingException} listing every problem. */
    public static MappingDocument parse(String text) {
        return new MappingParser().parse(text);
    }

    public List<SelectionRule> selectionRules() {
        return selectionRules;
    }

    public List<TransformationRule> transformationRules() {
        return transformationRules;
    }

    public List<IgnoredRule> ignoredRules() {
        return ignoredRules;
    }
}
