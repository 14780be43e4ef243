package dev.ferry.transforms.smt;

import dev.ferry.transforms.rules.RuleAction;
import org.apache.kafka.connect.errors.DataException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * DMS data-masking actions on string values.
 * <ul>
 *   <li>digits-mask: each digit 0-9 becomes the rule's mask character ({@code value});</li>
 *   <li>digits-randomize: each digit becomes a random digit (not repeatable, by design);</li>
 *   <li>hash-mask: the value becomes the lowercase hex SHA-256 of its UTF-8 bytes (64 characters,
 *       repeatable, so it can serve as a key).</li>
 * </ul>
 */
final class Masking {
    private Masking() {
    }

    static UnaryOperator<Object> of(RuleAction action, String maskValue) {
        return switch (action) {
            case DATA_MASKING_DIGITS_MASK -> v -> v == null ? null : digitsMask((String) v, maskValue.charAt(0));
            case DATA_MASKING_DIGITS_RANDOMIZE -> v -> v == null ? null : randomize((String) v);
            case DATA_MASKING_HASH_MASK -> v -> v == null ? null : sha256((String) v);
            default -> throw new IllegalArgumentException("not a masking action: " + action);
        };
    }

    static String digitsMask(String s, char mask) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9') {
                chars[i] = mask;
            }
        }
        return new String(chars);
    }

    static String randomize(String s) {
        char[] chars = s.toCharArray();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= '0' && chars[i] <= '9') {
                chars[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(chars);
    }

    static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new DataException("SHA-256 is not available in this JVM", e);
        }
    }
}
