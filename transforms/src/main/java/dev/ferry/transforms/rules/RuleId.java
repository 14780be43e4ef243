package dev.ferry.transforms.rules;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A DMS {@code rule-id}. DMS documents use strings ({@code "1"}) or numbers ({@code 1}); both are accepted.
 * Ordering is numeric when both ids are numeric (so {@code "9" < "10"}), textual otherwise, and numeric ids sort
 * before textual ones. "The lowest rule-id wins" uses this ordering.
 */
public final class RuleId implements Comparable<RuleId> {
    private final String text;
    private final BigInteger number;

    private RuleId(String text) {
        this.text = text;
        this.number = parseNumber(text);
    }

    public static RuleId of(String text) {
        return new RuleId(Objects.requireNonNull(text, "rule-id").trim());
    }

    private static BigInteger parseNumber(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return new BigInteger(text);
    }

    public String text() {
        return text;
    }

    @Override
    public int compareTo(RuleId other) {
        if (number != null && other.number != null) {
            return number.compareTo(other.number);
        }
        if (number != null) {
            return -1;
        }
        if (other.number != null) {
            return 1;
        }
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleId other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return number != null ? number.hashCode() : text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
