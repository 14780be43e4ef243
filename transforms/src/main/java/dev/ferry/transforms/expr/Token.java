package dev.ferry.transforms.expr;

/** A lexical token of an expression. */
record Token(Kind kind, String text, int position) {
    enum Kind { NUMBER, STRING, IDENT, COLUMN, OP, LPAREN, RPAREN, COMMA, EOF }

    boolean is(Kind k, String t) {
        return kind == k && text.equalsIgnoreCase(t);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }
}
