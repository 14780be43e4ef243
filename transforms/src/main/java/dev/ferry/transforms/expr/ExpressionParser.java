package dev.ferry.transforms.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SQLite expression subset DMS uses in {@code add-column}:
 * literals, {@code $column}, {@code $AR_M_SOURCE_SCHEMA}, {@code $AR_M_SOURCE_TABLE_NAME}, {@code ||},
 * arithmetic, comparisons, {@code AND}/{@code OR}/{@code NOT}, {@code IS [NOT] NULL}, {@code CASE}, the
 * functions in {@link Functions} and {@code operation_indicator(deleted, updated, inserted)}.
 *
 * <p>Precedence, lowest first: OR; AND; NOT; = == != &lt;&gt; IS; &lt; &lt;= &gt; &gt;=; + -; * / %; ||; unary.
 */
public final class ExpressionParser {
    private static final String SOURCE_SCHEMA = "AR_M_SOURCE_SCHEMA";
    private static final String SOURCE_TABLE = "AR_M_SOURCE_TABLE_NAME";

    private final String source;
    private final List<Token> tokens;
    private final Set<String> columns = new LinkedHashSet<>();
    private boolean usesOperationIndicator;
    private int pos;

    private ExpressionParser(String source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    public static ParsedExpression parse(String text) {
        ExpressionParser parser = new ExpressionParser(text);
        Expression root = parser.or();
        if (parser.peek().kind() != Token.Kind.EOF) {
            throw parser.error("unexpected '" + parser.peek().text() + "'");
        }
        return new ParsedExpression(text, root, parser.columns, parser.usesOperationIndicator);
    }

    private Expression or() {
        Expression left = and();
        while (peek().isKeyword("OR")) {
            pos++;
            Expression l = left;
            Expression r = and();
            left = ctx -> SqlValues.bool(SqlValues.isTrue(l.evaluate(ctx)) || SqlValues.isTrue(r.evaluate(ctx)));
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (peek().isKeyword("AND")) {
            pos++;
            Expression l = left;
            Expression r = not();
            left = ctx -> SqlValues.bool(SqlValues.isTrue(l.evaluate(ctx)) && SqlValues.isTrue(r.evaluate(ctx)));
        }
        return left;
    }

    private Expression not() {
        if (peek().isKeyword("NOT")) {
            pos++;
            Expression e = not();
            return ctx -> {
                Object v = e.evaluate(ctx);
                return v == null ? null : SqlValues.bool(!SqlValues.isTrue(v));
            };
        }
        return equality();
    }

    private Expression equality() {
        Expression left = comparison();
        while (true) {
            Token t = peek();
            if (t.isKeyword("IS")) {
                pos++;
                boolean negate = acceptKeyword("NOT");
                expectKeyword("NULL");
                Expression e = left;
                left = ctx -> SqlValues.bool((e.evaluate(ctx) == null) != negate);
            } else if (t.kind() == Token.Kind.OP && List.of("=", "==", "!=", "<>").contains(t.text())) {
                pos++;
                left = compareNode(left, comparison(), t.text().startsWith("=") ? "=" : "!=");
            } else {
                return left;
            }
        }
    }

    private Expression comparison() {
        Expression left = additive();
        while (peek().kind() == Token.Kind.OP && List.of("<", "<=", ">", ">=").contains(peek().text())) {
            String op = tokens.get(pos++).text();
            left = compareNode(left, additive(), op);
        }
        return left;
    }

    private static Expression compareNode(Expression l, Expression r, String op) {
        return ctx -> {
            Object a = l.evaluate(ctx);
            Object b = r.evaluate(ctx);
            if (a == null || b == null) {
                return null;
            }
            int c = SqlValues.compare(a, b);
            return SqlValues.bool(switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            });
        };
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (peek().is(Token.Kind.OP, "+") || peek().is(Token.Kind.OP, "-")) {
            left = arithmeticNode(left, tokens.get(pos++).text().charAt(0), multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = concat();
        while (peek().is(Token.Kind.OP, "*") || peek().is(Token.Kind.OP, "/") || peek().is(Token.Kind.OP, "%")) {
            left = arithmeticNode(left, tokens.get(pos++).text().charAt(0), concat());
        }
        return left;
    }

    private static Expression arithmeticNode(Expression l, char op, Expression r) {
        return ctx -> SqlValues.arithmetic(op, l.evaluate(ctx), r.evaluate(ctx));
    }

    private Expression concat() {
        Expression left = unary();
        while (peek().is(Token.Kind.OP, "||")) {
            pos++;
            Expression l = left;
            Expression r = unary();
            left = ctx -> {
                Object a = l.evaluate(ctx);
                Object b = r.evaluate(ctx);
                return a == null || b == null ? null : SqlValues.toText(a) + SqlValues.toText(b);
            };
        }
        return left;
    }

    private Expression unary() {
        if (peek().is(Token.Kind.OP, "-")) {
            pos++;
            Expression e = unary();
            return ctx -> SqlValues.arithmetic('-', 0L, e.evaluate(ctx));
        }
        if (peek().is(Token.Kind.OP, "+")) {
            pos++;
            return unary();
        }
        return primary();
    }

    private Expression primary() {
        Token t = tokens.get(pos++);
        return switch (t.kind()) {
            case NUMBER -> literal(number(t));
            case STRING -> literal(t.text());
            case COLUMN -> column(t);
            case LPAREN -> {
                Expression e = or();
                expect(Token.Kind.RPAREN, ")");
                yield e;
            }
            case IDENT -> identifier(t);
            default -> throw errorAt(t, t.kind() == Token.Kind.EOF ? "unexpected end of expression"
                    : "unexpected '" + t.text() + "'");
        };
    }

    private Expression identifier(Token t) {
        if (t.isKeyword("NULL")) {
            return literal(null);
        }
        if (t.isKeyword("CASE")) {
            return caseExpression();
        }
        if (!peek().is(Token.Kind.LPAREN, "(")) {
            throw errorAt(t, "unknown name '" + t.text() + "' (column references are written $" + t.text() + ")");
        }
        pos++;
        List<Expression> args = arguments();
        if (t.text().equalsIgnoreCase("operation_indicator")) {
            return operationIndicator(t, args);
        }
        return Functions.call(t.text(), args, source);
    }

    private List<Expression> arguments() {
        List<Expression> args = new ArrayList<>();
        if (acceptKind(Token.Kind.RPAREN)) {
            return args;
        }
        do {
            args.add(or());
        } while (acceptKind(Token.Kind.COMMA));
        expect(Token.Kind.RPAREN, ")");
        return args;
    }

    private Expression operationIndicator(Token t, List<Expression> args) {
        if (args.size() != 3) {
            throw errorAt(t, "operation_indicator takes 3 arguments (deleted, updated, inserted), not "
                    + args.size());
        }
        usesOperationIndicator = true;
        Expression deleted = args.get(0);
        Expression updated = args.get(1);
        Expression inserted = args.get(2);
        return ctx -> switch (ctx.operation()) {
            case 'd' -> deleted.evaluate(ctx);
            case 'u' -> updated.evaluate(ctx);
            default -> inserted.evaluate(ctx);
        };
    }

    private Expression caseExpression() {
        Expression subject = peek().isKeyword("WHEN") ? null : or();
        List<Expression[]> branches = new ArrayList<>();
        while (acceptKeyword("WHEN")) {
            Expression when = or();
            expectKeyword("THEN");
            branches.add(new Expression[] {when, or()});
        }
        if (branches.isEmpty()) {
            throw error("CASE needs at least one WHEN ... THEN ...");
        }
        Expression otherwise = acceptKeyword("ELSE") ? or() : literal(null);
        expectKeyword("END");
        return ctx -> {
            Object s = subject == null ? null : subject.evaluate(ctx);
            for (Expression[] b : branches) {
                Object w = b[0].evaluate(ctx);
                boolean hit = subject == null ? SqlValues.isTrue(w)
                        : s != null && w != null && SqlValues.compare(s, w) == 0;
                if (hit) {
                    return b[1].evaluate(ctx);
                }
            }
            return otherwise.evaluate(ctx);
        };
    }

    private Expression column(Token t) {
        String name = t.text();
        if (name.equals(SOURCE_SCHEMA)) {
            return EvalContext::sourceSchema;
        }
        if (name.equals(SOURCE_TABLE)) {
            return EvalContext::sourceTable;
        }
        if (name.startsWith("AR_H_") || name.startsWith("AR_M_")) {
            throw errorAt(t, "the DMS variable $" + name + " is not supported; supported variables: $"
                    + SOURCE_SCHEMA + ", $" + SOURCE_TABLE);
        }
        columns.add(name);
        return ctx -> SqlValues.fromConnect(ctx.column(name));
    }

    private static Expression literal(Object value) {
        return ctx -> value;
    }

    private Object number(Token t) {
        Object n = SqlValues.parseNumber(t.text());
        if (n == null) {
            throw errorAt(t, "malformed number '" + t.text() + "'");
        }
        return n;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKind(Token.Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw error("expected " + keyword);
        }
    }

    private void expect(Token.Kind kind, String text) {
        if (!acceptKind(kind)) {
            throw error("expected '" + text + "'");
        }
    }

    private ExpressionException error(String what) {
        return errorAt(peek(), what);
    }

    private ExpressionException errorAt(Token t, String what) {
        String found = t.kind() == Token.Kind.EOF ? "the end" : "position " + (t.position() + 1);
        return new ExpressionException(what + " at " + found + " in expression \"" + source + "\"");
    }
}
