package dev.ferry.runtime.task;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import dev.ferry.transforms.rules.Suggestions;

/** Suggestions for mistyped keys: the allowed key nearest by edit distance. */
final class Keys {
    private Keys() {
    }

    static Optional<String> nearest(String wrong, Collection<String> allowed) {
        return allowed.stream()
                .filter(k -> Suggestions.distance(wrong, k) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> Suggestions.distance(wrong, k)));
    }
}
