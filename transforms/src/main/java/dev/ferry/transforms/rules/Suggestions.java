package dev.ferry.transforms.rules;

import java.util.Collection;

/** Finds the nearest valid spelling for an unknown key or value, for "did you mean" hints. */
public final class Suggestions {
    private Suggestions() {
    }

    /** "did you mean 'x'?" when a candidate is within 3 edits, otherwise "allowed: a, b, c". */
    static String hint(String given, Collection<String> candidates, String allowedLabel) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.min(3, Math.max(1, best.length() / 3))) {
            return "did you mean '" + best + "'?";
        }
        return allowedLabel + ": " + String.join(", ", candidates);
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions or substitutions from a to b. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
