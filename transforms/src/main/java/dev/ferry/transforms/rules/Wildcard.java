package dev.ferry.transforms.rules;

import java.util.regex.Pattern;

/**
 * A DMS object-locator name pattern.
 *
 * <ul>
 *   <li>{@code %} matches any run of characters, including none;</li>
 *   <li>{@code _} matches exactly one character;</li>
 *   <li>{@code [_]} matches a literal underscore;</li>
 *   <li>{@code [ab]} matches one character of the set, {@code [a-d]} one character of the range.</li>
 * </ul>
 *
 * A {@code [} without a closing {@code ]} is an ordinary character. Matching is case-sensitive, as the DMS user
 * guide says for selection and transformation rules; {@link #compile(String, boolean)} with
 * {@code ignoreCase=true} models a source endpoint that is itself case-insensitive (for example MySQL with
 * {@code lower_case_table_names=1}), the one case where DMS documents that the case of the locator does not matter.
 */
public final class Wildcard {
    private final String pattern;
    private final boolean literal;
    private final boolean ignoreCase;
    private final Pattern regex;

    private Wildcard(String pattern, boolean ignoreCase, boolean literal) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.literal = literal;
        this.regex = literal ? null : Pattern.compile(toRegex(pattern),
                ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** A case-sensitive pattern. */
    public static Wildcard compile(String pattern) {
        return compile(pattern, false);
    }

    public static Wildcard compile(String pattern, boolean ignoreCase) {
        return new Wildcard(pattern, ignoreCase, !hasWildcard(pattern));
    }

    /** Matches {@code name} literally, with no wildcard interpretation (DMS {@code explicit} rules). */
    public static Wildcard exact(String name, boolean ignoreCase) {
        return new Wildcard(name, ignoreCase, true);
    }

    /** True when {@code text} contains any DMS wildcard character ({@code %}, {@code _} or {@code [}). */
    public static boolean hasWildcard(String text) {
        return text.indexOf('%') >= 0 || text.indexOf('_') >= 0 || text.indexOf('[') >= 0;
    }

    public boolean matches(String name) {
        if (literal) {
            return ignoreCase ? pattern.equalsIgnoreCase(name) : pattern.equals(name);
        }
        return regex.matcher(name).matches();
    }

    public boolean isLiteral() {
        return literal;
    }

    public String pattern() {
        return pattern;
    }

    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 1) : -1;
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (close > i + 1) {
                regex.append(characterClass(pattern.substring(i + 1, close)));
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return regex.toString();
    }

    private static String characterClass(String body) {
        StringBuilder cls = new StringBuilder("[");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean range = c == '-' && i > 0 && i < body.length() - 1;
            cls.append(range ? "-" : "\\x{" + Integer.toHexString(c) + "}");
        }
        return cls.append(']').toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
