package dev.ferry.testkit;

import java.security.SecureRandom;
import java.util.Locale;

/** Unique, lower-case identifiers for test databases and users (safe on a shared external server). */
final class Names {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Names() {
    }

    static String database(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (simple.length() > 40) {
            simple = simple.substring(0, 40);
        }
        return "ft_" + simple + "_" + random(6);
    }

    static String user() {
        return "ft_u" + random(10);
    }

    static String password() {
        return "Pw-" + random(20);
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
