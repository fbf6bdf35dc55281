package dev.sqlscore.infra.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The declared key a mistyped one most likely meant, for "did you mean ...?" in configuration errors. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known key nearest to {@code key} by edit distance (case ignored), when it is near enough to be a typo of it:
     * within a third of the key's length, or one that starts with the other (a dropped or added suffix).
     */
    static Optional<String> nearest(String key, Collection<String> known) {
        String typed = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(typed, lower);
            boolean near = distance <= Math.max(2, typed.length() / 3) || lower.startsWith(typed)
                    || typed.startsWith(lower);
            if (near && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
