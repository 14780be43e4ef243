package dev.ferry.transforms.rules;

/**
 * One DMS {@code filter-conditions} entry.
 *
 * @param operator   {@code filter-operator}
 * @param value      {@code value} (one-value operators)
 * @param startValue {@code start-value} ({@code between}/{@code notbetween})
 * @param endValue   {@code end-value} ({@code between}/{@code notbetween})
 */
public record FilterCondition(FilterOperator operator, String value, String startValue, String endValue) {
}
