package dev.ferry.transforms.plan;

/** Escapes names for Debezium include lists (comma-separated regular expressions). */
public final class IncludeList {
    private static final String META = "\\.[]{}()<>*+-=!?^$|,";

    private IncludeList() {
    }

    /** Escapes every regex metacharacter and the list separator with a backslash. */
    public static String escape(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (META.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
