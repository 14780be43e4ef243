package dev.ferry.runtime.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an SQL script into the statements a client would send, one at a time, over JDBC.
 *
 * <p>Quoted strings, quoted identifiers and comments never end a statement. {@code --} and (MySQL) {@code #}
 * comments are dropped; block comments are kept, so MySQL executable comments {@code /*!...}{@code *}{@code /}
 * reach the server. MySQL scripts may change the delimiter with the client command {@code DELIMITER}
 * (for triggers and procedures); PostgreSQL scripts may use dollar quoting and {@code COPY ... FROM stdin} followed by
 * data lines up to {@code \.}, returned as the statement's {@link Statement#copyData()}.
 */
public final class SqlScript {
    /** Script dialect: which quotes and client commands exist. */
    public enum Dialect { MYSQL, POSTGRES }

    /** One statement without its delimiter; {@code copyData} is set for {@code COPY ... FROM stdin} only. */
    public record Statement(String sql, String copyData) {
    }

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^COPY\\s.*\\sFROM\\s+stdin\\b.*");
    private static final Pattern DELIMITER = Pattern.compile("(?i)DELIMITER\\s+(\\S+)[ \\t]*");

    private final String text;
    private final Dialect dialect;
    private final List<Statement> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private String delimiter = ";";
    private int pos;

    private SqlScript(String text, Dialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    public static List<Statement> split(String script, Dialect dialect) {
        SqlScript s = new SqlScript(script, dialect);
        s.run();
        return s.out;
    }

    /**
     * Removes the markers of MySQL executable comments of one version and keeps their content, e.g.
     * {@code /*!50705 location GEOMETRY,}{@code *}{@code /} becomes {@code location GEOMETRY,}. MariaDB skips MySQL's
     * comments numbered 50700 and up, so without this a MySQL-5.7 column silently disappears on MariaDB.
     */
    public static String unwrapExecutableComments(String script, int version) {
        Matcher m = Pattern.compile("/\\*!" + version + " ([^*]*)\\*/").matcher(script);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }

    private void run() {
        while (pos < text.length()) {
            if (dialect == Dialect.MYSQL && startsDelimiterWord() && atLineStart() && delimiterCommand()) {
                continue;
            }
            if (text.startsWith(delimiter, pos)) {
                pos += delimiter.length();
                finishStatement();
                continue;
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"' || (c == '`' && dialect == Dialect.MYSQL)) {
                quoted(c);
            } else if (c == '-' && text.startsWith("--", pos) && lineCommentAfterDashes()) {
                skipLine();
            } else if (c == '#' && dialect == Dialect.MYSQL) {
                skipLine();
            } else if (c == '/' && text.startsWith("/*", pos)) {
                copyUntil("*/", pos + 2);
            } else if (c == '$' && dialect == Dialect.POSTGRES && dollarQuote() != null) {
                String tag = dollarQuote();
                copyUntil(tag, pos + tag.length());
            } else {
                current.append(c);
                pos++;
            }
        }
        finishStatement();
    }

    /** True when nothing but whitespace was read since the last statement ended. */
    private boolean atLineStart() {
        for (int i = current.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(current.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean startsDelimiterWord() {
        return text.regionMatches(true, pos, "DELIMITER", 0, 9);
    }

    /** MySQL client command {@code DELIMITER x}, alone on its line. */
    private boolean delimiterCommand() {
        int start = pos;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        Matcher m = DELIMITER.matcher(text.substring(start, end).stripTrailing());
        if (!m.matches()) {
            return false;
        }
        delimiter = m.group(1);
        current.setLength(0);
        pos = Math.min(text.length(), end + 1);
        return true;
    }

    /** MySQL needs whitespace after {@code --}; PostgreSQL does not. */
    private boolean lineCommentAfterDashes() {
        if (dialect == Dialect.POSTGRES) {
            return true;
        }
        int next = pos + 2;
        return next >= text.length() || Character.isWhitespace(text.charAt(next));
    }

    private void quoted(char quote) {
        boolean backslashEscapes = quote != '`' && (dialect == Dialect.MYSQL || quote == '\'');
        current.append(quote);
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            current.append(c);
            pos++;
            if (c == '\\' && backslashEscapes && pos < text.length()) {
                current.append(text.charAt(pos));
                pos++;
            } else if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    current.append(quote);
                    pos++;
                } else {
                    return;
                }
            }
        }
    }

    private void skipLine() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
    }

    /** Copies from {@code pos} up to and including {@code closing}, searched from {@code from}. */
    private void copyUntil(String closing, int from) {
        int end = text.indexOf(closing, from);
        end = end < 0 ? text.length() : end + closing.length();
        current.append(text, pos, end);
        pos = end;
    }

    /** A PostgreSQL dollar-quote opening tag at {@code pos} ({@code $$} or {@code $tag$}), or null. */
    private String dollarQuote() {
        if (!current.isEmpty() && isIdentifierPart(current.charAt(current.length() - 1))) {
            return null; // e.g. a positional parameter or an identifier containing '$'
        }
        int i = pos + 1;
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '$' && (i == pos + 1 || !Character.isDigit(text.charAt(pos + 1)))) {
            return text.substring(pos, i + 1);
        }
        return null;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void finishStatement() {
        String sql = current.toString().strip();
        current.setLength(0);
        if (sql.isEmpty()) {
            return;
        }
        String copyData = null;
        if (dialect == Dialect.POSTGRES && COPY_FROM_STDIN.matcher(sql).matches()) {
            copyData = copyData();
        }
        out.add(new Statement(sql, copyData));
    }

    /** The data lines after {@code COPY ... FROM stdin;} up to the line {@code \.}, each ending in a newline. */
    private String copyData() {
        int lineStart = text.indexOf('\n', pos);
        lineStart = lineStart < 0 ? text.length() : lineStart + 1;
        StringBuilder data = new StringBuilder();
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            end = end < 0 ? text.length() : end;
            String line = text.substring(lineStart, end);
            lineStart = Math.min(text.length(), end + 1);
            if (line.stripTrailing().equals("\\.")) {
                break;
            }
            data.append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).append('\n');
        }
        pos = lineStart;
        return data.toString();
    }

    @Override
    public String toString() {
        return "SqlScript(" + dialect.name().toLowerCase(Locale.ROOT) + ")";
    }
}
