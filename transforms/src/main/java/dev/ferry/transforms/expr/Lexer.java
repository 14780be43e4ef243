package dev.ferry.transforms.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Strings use single quotes, with {@code ''} for a quote. */
final class Lexer {
    private static final java.util.Set<String> TWO_CHAR_OPS = java.util.Set.of("||", "<=", ">=", "!=", "<>", "==");

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return new Token(Token.Kind.EOF, "", pos);
        }
        char c = text.charAt(pos);
        int start = pos;
        if (c == '\'') {
            return new Token(Token.Kind.STRING, string(), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return new Token(Token.Kind.NUMBER, number(), start);
        }
        if (c == '$') {
            pos++;
            String name = identifier();
            if (name.isEmpty()) {
                throw error("a column name must follow '$'", start);
            }
            return new Token(Token.Kind.COLUMN, name, start);
        }
        if (Character.isLetter(c) || c == '_') {
            return new Token(Token.Kind.IDENT, identifier(), start);
        }
        return symbol(c, start);
    }

    private Token symbol(char c, int start) {
        pos++;
        switch (c) {
            case '(' -> { return new Token(Token.Kind.LPAREN, "(", start); }
            case ')' -> { return new Token(Token.Kind.RPAREN, ")", start); }
            case ',' -> { return new Token(Token.Kind.COMMA, ",", start); }
            default -> { }
        }
        if (pos < text.length()) {
            String two = text.substring(start, pos + 1);
            if (TWO_CHAR_OPS.contains(two)) {
                pos++;
                return new Token(Token.Kind.OP, two, start);
            }
        }
        if ("+-*/%=<>".indexOf(c) >= 0) {
            return new Token(Token.Kind.OP, String.valueOf(c), start);
        }
        throw error("unexpected character '" + c + "'", start);
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '\'') {
                sb.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '\'') {
                sb.append('\'');
                pos++;
            } else {
                return sb.toString();
            }
        }
        throw error("unterminated string literal", start);
    }

    private String number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private ExpressionException error(String what, int at) {
        return new ExpressionException(what + " at position " + (at + 1) + " in expression \"" + text + "\"");
    }
}
