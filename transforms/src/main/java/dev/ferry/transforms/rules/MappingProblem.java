package dev.ferry.transforms.rules;

/**
 * One problem found in a table-mapping document.
 *
 * @param ruleId  the {@code rule-id} of the offending rule, or {@code null} for a document-level problem
 * @param field   the DMS field name, e.g. {@code rule-action} or {@code object-locator.table-name}
 * @param message what is wrong and how to fix it
 */
public record MappingProblem(String ruleId, String field, String message) {

    public static MappingProblem of(RuleId ruleId, String field, String message) {
        return new MappingProblem(ruleId == null ? null : ruleId.text(), field, message);
    }

    @Override
    public String toString() {
        String where = ruleId == null ? "" : "rule-id " + ruleId + ", ";
        return where + "field '" + field + "': " + message;
    }
}
