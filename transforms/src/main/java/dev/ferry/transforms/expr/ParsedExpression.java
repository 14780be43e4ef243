package dev.ferry.transforms.expr;

import java.util.Set;

/**
 * A parsed add-column expression.
 *
 * @param text                   the expression as written
 * @param root                   the evaluable tree
 * @param columns                the source columns it reads ({@code $name}, without the {@code $})
 * @param usesOperationIndicator whether it calls {@code operation_indicator} (deletes then become flagged rows)
 */
public record ParsedExpression(String text, Expression root, Set<String> columns, boolean usesOperationIndicator) {
    public ParsedExpression {
        columns = Set.copyOf(columns);
    }

    public Object evaluate(EvalContext context) {
        return root.evaluate(context);
    }
}
