package dev.ferry.transforms.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The SQLite functions Ferry supports in add-column expressions, with their arities. */
final class Functions {
    private record Spec(int min, int max, Function<Object[], Object> body) {
    }

    private static final Map<String, Spec> SPECS = new TreeMap<>();

    static {
        SPECS.put("upper", new Spec(1, 1, a -> map(a[0], s -> s.toUpperCase(Locale.ROOT))));
        SPECS.put("lower", new Spec(1, 1, a -> map(a[0], s -> s.toLowerCase(Locale.ROOT))));
        SPECS.put("trim", new Spec(1, 2, a -> trim(a, true, true)));
        SPECS.put("ltrim", new Spec(1, 2, a -> trim(a, true, false)));
        SPECS.put("rtrim", new Spec(1, 2, a -> trim(a, false, true)));
        SPECS.put("substr", new Spec(2, 3, Functions::substr));
        SPECS.put("replace", new Spec(3, 3, Functions::replace));
        SPECS.put("length", new Spec(1, 1, a -> a[0] == null ? null
                : (long) SqlValues.toText(a[0]).codePointCount(0, SqlValues.toText(a[0]).length())));
        SPECS.put("coalesce", new Spec(2, Integer.MAX_VALUE, Functions::coalesce));
        SPECS.put("ifnull", new Spec(2, 2, Functions::coalesce));
        SPECS.put("nullif", new Spec(2, 2, a -> a[0] != null && a[1] != null
                && SqlValues.compare(a[0], a[1]) == 0 ? null : a[0]));
    }

    private Functions() {
    }

    static String supported() {
        return String.join(", ", SPECS.keySet()) + ", operation_indicator";
    }

    /** Builds a call node, checking the function exists and the number of arguments. */
    static Expression call(String name, List<Expression> args, String source) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("substring")) {
            key = "substr";
        }
        Spec spec = SPECS.get(key);
        if (spec == null) {
            throw new ExpressionException("function '" + name + "' is not supported in expression \"" + source
                    + "\"; supported functions: " + supported());
        }
        if (args.size() < spec.min || args.size() > spec.max) {
            throw new ExpressionException("function '" + key + "' takes " + arity(spec) + " argument(s), not "
                    + args.size() + ", in expression \"" + source + "\"");
        }
        Expression[] argv = args.toArray(new Expression[0]);
        Function<Object[], Object> body = spec.body;
        return ctx -> {
            Object[] values = new Object[argv.length];
            for (int i = 0; i < argv.length; i++) {
                values[i] = argv[i].evaluate(ctx);
            }
            return body.apply(values);
        };
    }

    private static String arity(Spec spec) {
        if (spec.min == spec.max) {
            return String.valueOf(spec.min);
        }
        return spec.max == Integer.MAX_VALUE ? "at least " + spec.min : spec.min + " to " + spec.max;
    }

    private static Object map(Object v, Function<String, String> f) {
        return v == null ? null : f.apply(SqlValues.toText(v));
    }

    private static Object coalesce(Object[] a) {
        for (Object v : a) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Object trim(Object[] a, boolean left, boolean right) {
        if (a[0] == null || (a.length > 1 && a[1] == null)) {
            return null;
        }
        String s = SqlValues.toText(a[0]);
        String chars = a.length > 1 ? SqlValues.toText(a[1]) : " ";
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** SQLite substr: 1-based start; a negative start counts from the end; a negative length takes chars before. */
    private static Object substr(Object[] a) {
        if (a[0] == null || a[1] == null || (a.length > 2 && a[2] == null)) {
            return null;
        }
        String s = SqlValues.toText(a[0]);
        long len = s.length();
        long start = ((Number) SqlValues.toNumber(a[1])).longValue();
        long count = a.length > 2 ? ((Number) SqlValues.toNumber(a[2])).longValue() : len + 1;
        long from = start > 0 ? start - 1 : (start < 0 ? len + start : -1);
        if (count < 0) {
            from += count;
            count = -count;
        }
        long to = from + count;
        from = Math.max(0, Math.min(len, from));
        to = Math.max(from, Math.min(len, to));
        return s.substring((int) from, (int) to);
    }

    private static Object replace(Object[] a) {
        if (a[0] == null || a[1] == null || a[2] == null) {
            return null;
        }
        String pattern = SqlValues.toText(a[1]);
        String s = SqlValues.toText(a[0]);
        return pattern.isEmpty() ? s : s.replace(pattern, SqlValues.toText(a[2]));
    }
}
