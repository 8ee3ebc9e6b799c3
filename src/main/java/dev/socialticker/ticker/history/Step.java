package dev.socialticker.ticker.history;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The resolution a history is asked in: every stored reading, or one point per hour or per day. */
public enum Step {
    /** Every stored reading: each change, and one an hour while the count stands still. */
    RAW(Duration.ofSeconds(1)),
    /** The last count of each hour. */
    HOUR(Duration.ofHours(1)),
    /** The last, lowest and highest count of each day (UTC). */
    DAY(Duration.ofDays(1));

    private final Duration width;

    Step(Duration width) {
        this.width = width;
    }

    /** The bucket's width: a second for raw readings. */
    public Duration width() {
        return width;
    }

    /** The name used in the API: {@code raw}, {@code hour}, {@code day}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step named {@code text} (case-insensitive), or empty. */
    public static Optional<Step> parse(String text) {
        for (Step step : values()) {
            if (step.label().equalsIgnoreCase(text)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
