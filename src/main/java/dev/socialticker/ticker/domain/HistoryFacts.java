package dev.socialticker.ticker.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What a source's history says about one reading of it (its count at {@code at}): the growth up to
 * that count, and the last count of each recent day up to the reading's own. The history tells them
 * with the count ({@link SourceReported}) and again when it changes otherwise ({@link HistoryChanged}),
 * so whoever shows a count shows it with these and never asks the history back.
 *
 * <p>The days cover {@value #RECENT_DAYS} UTC days ending with the reading's own. Shown later, a
 * reader takes the days before its own today ({@link #daysBefore}); a day after the reading's has no
 * count in the history until a newer reading comes, with facts of its own.
 *
 * @param at     the reading these are about ({@code Snapshot.refreshedAt}); null for {@link #NONE}
 * @param growth the count's growth over one, 7 and 30 days ({@link Growth#NONE} while the history is
 *               shorter than each)
 * @param next   the next milestone above the count, with its estimated date; null above the ladder's top
 * @param previousMilestone the highest milestone at or below the count (0 below the first): where the
 *               progress toward {@code next} starts
 * @param before the last count before the first of the days' range; null when the history begins later
 * @param days   the days of the range that have a count (each its day's start, last count, lowest and
 *               highest), oldest first
 */
public record HistoryFacts(
        Instant at, Growth growth, NextMilestone next, long previousMilestone, Long before, List<HistoryPoint> days) {

    /** Two weeks and the reading's own day: the chart of recent days every format shows. */
    public static final int RECENT_DAYS = 15;

    /** Nothing known: history off, or no count yet. */
    public static final HistoryFacts NONE = new HistoryFacts(null, Growth.NONE, null, 0, null, List.of());

    public HistoryFacts {
        Objects.requireNonNull(growth, "growth");
        days = List.copyOf(days);
    }

    /** Whether these are about {@code state}'s count (not an older or a newer one). */
    public boolean about(SourceState state) {
        return at != null && state.hasData() && at.equals(state.snapshot().refreshedAt());
    }

    /** The first day of the recent days shown on {@code today}. */
    public static LocalDate firstShownOn(LocalDate today) {
        return today.minusDays(RECENT_DAYS - 1);
    }

    /** The UTC day of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The counts of the days shown on {@code today} before it (only days that have one), oldest
     * first; the caller adds today's, which is the count itself.
     */
    public List<Long> daysBefore(LocalDate today) {
        return daysShownOn(today).stream().map(HistoryPoint::count).toList();
    }

    /** The days shown on {@code today} before it, that have a count, oldest first. */
    public List<HistoryPoint> daysShownOn(LocalDate today) {
        LocalDate first = firstShownOn(today);
        return days.stream()
                .filter(day ->
                        !dayOf(day.at()).isBefore(first) && dayOf(day.at()).isBefore(today))
                .toList();
    }

    /**
     * The last count before the days shown on {@code today} begin: the newest day before them, else
     * {@link #before}; null when the history begins later.
     */
    public Long countBeforeShownOn(LocalDate today) {
        LocalDate first = firstShownOn(today);
        Long count = before;
        for (HistoryPoint day : days) {
            if (dayOf(day.at()).isBefore(first)) {
                count = day.count();
            }
        }
        return count;
    }
}
