package dev.socialticker.ticker.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The next milestone above a count, and when it should be reached at the count's recent rate of
 * growth: one rule for the history, the API and the outputs, a function of its arguments.
 *
 * @param ladder  the milestones
 * @param horizon an estimated date is given only when it falls within this (12 weeks by default)
 */
public record MilestoneForecast(Milestones ladder, Duration horizon) {

    public MilestoneForecast {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(horizon, "horizon");
    }

    /**
     * The next milestone above {@code total}, with an estimated date from {@code growth}'s rate (over
     * 7 days, or the last day while the history is shorter) when that falls within the horizon. Empty
     * above the ladder's top.
     */
    public Optional<NextMilestone> next(long total, Growth growth, Instant at) {
        OptionalLong next = ladder.nextAbove(total);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Long grown = growth.sevenDays() != null ? growth.sevenDays() : growth.oneDay();
        Duration over = growth.sevenDays() != null ? Growth.WINDOWS.get(1) : Growth.WINDOWS.get(0);
        Instant eta = null;
        if (grown != null && grown > 0) {
            double seconds = (double) (next.getAsLong() - total) * over.getSeconds() / grown;
            if (seconds <= horizon.getSeconds()) {
                eta = at.plusSeconds((long) Math.ceil(seconds));
            }
        }
        return Optional.of(new NextMilestone(next.getAsLong(), eta));
    }

    /** The highest milestone at or below {@code total}, 0 below the first. */
    public long previous(long total) {
        return ladder.highestAtOrBelow(total).orElse(0);
    }
}
