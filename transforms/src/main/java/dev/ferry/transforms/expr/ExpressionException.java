package dev.ferry.transforms.expr;

/** An add-column expression that cannot be parsed or uses something Ferry does not support. */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExpressionException(String message) {
        super(message);
    }
}
