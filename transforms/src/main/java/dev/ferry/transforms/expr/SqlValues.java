package dev.ferry.transforms.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** SQLite-like value semantics for expressions: coercion, arithmetic and comparison. */
public final class SqlValues {
    public static final Long TRUE = 1L;
    public static final Long FALSE = 0L;

    private SqlValues() {
    }

    /** Turns a Kafka Connect value into an expression value. */
    public static Object fromConnect(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Double || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (v instanceof ByteBuffer buffer) {
            return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
        }
        return v.toString();
    }

    public static Long bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static boolean isTrue(Object v) {
        Object n = toNumber(v);
        return n != null && ((n instanceof Long l && l != 0) || (n instanceof Double d && d != 0)
                || (n instanceof BigDecimal b && b.signum() != 0));
    }

    public static String toText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    /** A number for arithmetic: strings that are not numbers count as 0, as in SQLite. */
    public static Object toNumber(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof BigDecimal) {
            return v;
        }
        Object parsed = parseNumber(toText(v));
        return parsed == null ? 0L : parsed;
    }

    static Object parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    static Object arithmetic(char op, Object a, Object b) {
        Object x = toNumber(a);
        Object y = toNumber(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long l && y instanceof Long r) {
            return longArithmetic(op, l, r);
        }
        if (x instanceof Double || y instanceof Double) {
            return doubleArithmetic(op, ((Number) x).doubleValue(), ((Number) y).doubleValue());
        }
        return decimalArithmetic(op, decimal(x), decimal(y));
    }

    private static Object longArithmetic(char op, long l, long r) {
        return switch (op) {
            case '+' -> Math.addExact(l, r);
            case '-' -> Math.subtractExact(l, r);
            case '*' -> Math.multiplyExact(l, r);
            case '/' -> r == 0 ? null : l / r;
            default -> r == 0 ? null : l % r;
        };
    }

    private static Object doubleArithmetic(char op, double l, double r) {
        return switch (op) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            case '/' -> r == 0 ? null : l / r;
            default -> r == 0 ? null : l % r;
        };
    }

    private static Object decimalArithmetic(char op, BigDecimal l, BigDecimal r) {
        return switch (op) {
            case '+' -> l.add(r);
            case '-' -> l.subtract(r);
            case '*' -> l.multiply(r);
            case '/' -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL128);
            default -> r.signum() == 0 ? null : l.remainder(r);
        };
    }

    static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return BigDecimal.valueOf(((Number) n).doubleValue());
    }

    /**
     * Compares two non-null values: numerically when both are numbers (or a number and a numeric string), as text
     * when both are text; otherwise a number sorts before text, as in SQLite.
     */
    public static int compare(Object a, Object b) {
        boolean an = isNumber(a);
        boolean bn = isNumber(b);
        if (an && bn) {
            return compareNumbers(a, b);
        }
        if (an || bn) {
            Object other = parseNumber(toText(an ? b : a));
            if (other == null) {
                return an ? -1 : 1;
            }
            return an ? compareNumbers(a, other) : compareNumbers(other, b);
        }
        return toText(a).compareTo(toText(b));
    }

    private static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigDecimal;
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Long l && b instanceof Long r) {
            return Long.compare(l, r);
        }
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return decimal(a).compareTo(decimal(b));
    }
}
