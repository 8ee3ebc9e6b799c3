package dev.socialticker.ticker.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The "did you mean" of a start-up refusal: the known name nearest to a given one by edit distance,
 * compared as relaxed binding compares names (case, dashes, underscores and dots between words
 * aside: {@code min-interval}, {@code minInterval} and {@code MIN_INTERVAL} are one name).
 */
public final class ClosestName {
    private ClosestName() {}

    /** The nearest candidate, whatever the distance; empty when there are none. */
    public static Optional<String> among(String given, Collection<String> candidates) {
        String uniform = uniform(given);
        return new TreeSet<>(candidates)
                .stream().min(Comparator.comparingInt(candidate -> distance(uniform, uniform(candidate))));
    }

    /**
     * The nearest candidate when it is near enough to be a misspelling of the given name (two edits,
     * or a third of its letters for a longer name), else empty: a name nothing resembles gets no
     * suggestion.
     */
    public static Optional<String> near(String given, Collection<String> candidates) {
        String uniform = uniform(given);
        return among(given, candidates)
                .filter(candidate -> distance(uniform, uniform(candidate)) <= Math.max(2, uniform.length() / 3));
    }

    /** True when relaxed binding takes the two for the same name. */
    public static boolean same(String a, String b) {
        return uniform(a).equals(uniform(b));
    }

    static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    }

    /**
     * Edit distance counting a swap of two neighbouring letters as one edit, as typing makes them
     * ({@code cuont} is one edit from {@code count}): the optimal string alignment distance.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
