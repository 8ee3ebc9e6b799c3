package dev.socialticker.ticker.routefile.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the known word a misspelt one is closest to, when it is close enough to be a typo. */
public final class Spelling {
    private Spelling() {}

    /** The nearest known word, if it is at most a third of the word's letters away (two at least). */
    public static Optional<String> closest(String word, Collection<String> known) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String given = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, given.length() / 3);
        return known.stream()
                .filter(candidate -> !candidate.equals(word))
                .min(Comparator.comparingInt(candidate -> distance(given, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> distance(given, candidate.toLowerCase(Locale.ROOT)) <= allowed);
    }

    /** "did you mean 'parameters'?", as a hint; null when no known word is close. */
    public static String suggestion(String word, Collection<String> known) {
        return closest(word, known)
                .map(candidate -> "did you mean '" + candidate + "'?")
                .orElse(null);
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
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
