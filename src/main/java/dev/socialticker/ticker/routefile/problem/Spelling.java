package dev.socialticker.ticker.routefile.problem;

import dev.socialticker.ticker.config.ClosestName;
import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …?" for a route file's keys, parameters and template names, as a hint: the known word
 * a misspelt one is close enough to be a typo of, by the same rule the start-up refusal's
 * suggestions follow ({@link ClosestName#near}).
 */
public final class Spelling {
    private Spelling() {}

    /** The nearest known word other than the word itself, if it is near enough to be a typo of it. */
    public static Optional<String> closest(String word, Collection<String> known) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        return ClosestName.near(
                word,
                known.stream().filter(candidate -> !candidate.equals(word)).toList());
    }

    /** "did you mean 'parameters'?", as a hint; null when no known word is close. */
    public static String suggestion(String word, Collection<String> known) {
        return closest(word, known)
                .map(candidate -> "did you mean '" + candidate + "'?")
                .orElse(null);
    }
}
