package dev.ferry.source.debezium;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Turns exact names into the regular expressions Debezium's include and exclude lists expect.
 *
 * <p>What Debezium does: {@code database.include.list}, {@code table.include.list}, {@code column.exclude.list} and
 * {@code snapshot.include.collection.list} are comma-separated lists of Java regular expressions, compiled with
 * {@code Pattern.CASE_INSENSITIVE} and matched with {@code matches()} against {@code db}, {@code db.table} or
 * {@code db.table.column} (PostgreSQL: {@code schema.table[.column]}). So {@code shop.a.b} would also select
 * {@code shop.aXb}, {@code x$y} would select nothing, a comma in a name would split the list, and {@code Orders}
 * would also select {@code orders}.
 *
 * <p>What Ferry does: each name part is escaped character by character (letters, digits and {@code _} as they are,
 * other ASCII punctuation behind a backslash, a comma or any other character as {@code \x{hex}}), parts are joined
 * by {@code \.}, and the whole is anchored and made case-sensitive with an inline flag:
 * {@code ^(?-i:shop\.a\.b)$}. Both MySQL (lower_case_table_names=0) and PostgreSQL keep names as written in the
 * catalogue, which is where these names come from.
 */
public final class ExactPatterns {
    private ExactPatterns() {
    }

    /** An anchored, case-sensitive pattern matching exactly the dotted name made of {@code parts}. */
    public static String exact(String... parts) {
        StringBuilder b = new StringBuilder("^(?-i:");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append("\\.");
            }
            escapeInto(parts[i], b);
        }
        return b.append(")$").toString();
    }

    /** Comma-joined list of patterns, in the given order, without duplicates. */
    public static String list(Collection<String> patterns) {
        return patterns.stream().distinct().collect(Collectors.joining(","));
    }

    /** A name with every character escaped so that it matches itself only (case-sensitivity is the caller's). */
    public static String escape(String name) {
        StringBuilder b = new StringBuilder();
        escapeInto(name, b);
        return b.toString();
    }

    private static void escapeInto(String name, StringBuilder b) {
        name.codePoints().forEach(cp -> {
            if (cp == '_' || (cp < 128 && Character.isLetterOrDigit(cp))) {
                b.appendCodePoint(cp);
            } else if (cp < 128 && cp > 32 && cp != ',' && !Character.isLetterOrDigit(cp)) {
                b.append('\\').appendCodePoint(cp);
            } else {
                b.append("\\x{").append(Integer.toHexString(cp)).append('}');
            }
        });
    }
}
