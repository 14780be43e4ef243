package dev.ferry.transforms.expr;

/**
 * A node of a parsed expression. Values are SQLite-like: {@code Long}, {@code Double}, {@code BigDecimal},
 * {@code String} or {@code null}; truth values are {@code 1L}/{@code 0L}.
 */
@FunctionalInterface
public interface Expression {
    Object evaluate(EvalContext context);
}
