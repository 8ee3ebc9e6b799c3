package dev.socialticker.ticker.format;

import java.util.List;

/**
 * What every format shows of a source or of a sum of sources.
 *
 * @param count             the count; null when there is none yet ({@link CountState#NO_COUNT})
 * @param profile           the account's profile name when there is one source, else null
 * @param state             fresh, stale, failing or without a count; {@link CountState#NO_COUNT}
 *                          whenever {@code count} is null
 * @param previousMilestone the highest milestone at or below the count (0 below the first), the
 *                          start of the progress toward {@code nextMilestone}
 * @param nextMilestone     the next milestone above the count; null with history off or above the
 *                          ladder's top
 * @param dailyCounts       the last count of each recent UTC day, oldest first (today's is the
 *                          current count); empty without history
 */
public record Reading(
        Long count,
        String profile,
        CountState state,
        long previousMilestone,
        Long nextMilestone,
        List<Long> dailyCounts) {

    public Reading {
        dailyCounts = dailyCounts == null ? List.of() : List.copyOf(dailyCounts);
        if (count == null) {
            state = CountState.NO_COUNT;
        } else if (state == null || state == CountState.NO_COUNT) {
            throw new IllegalArgumentException("a count needs a state other than NO_COUNT");
        }
    }

    /** A reading without a count: every format's "no data" answer. */
    public static Reading none() {
        return new Reading(null, null, CountState.NO_COUNT, 0, null, List.of());
    }

    /**
     * How far the count has come from {@code previousMilestone} to {@code nextMilestone}, 0 to 100
     * (rounded down: 100 only at the milestone itself); null without a count or a next milestone.
     */
    public Integer progressPercent() {
        if (count == null || nextMilestone == null || nextMilestone <= previousMilestone) {
            return null;
        }
        long done = Math.max(0, count - previousMilestone);
        long span = nextMilestone - previousMilestone;
        if (done >= span) {
            return 100;
        }
        // In doubles, as done * 100 could overflow; below the milestone it shows 99 at most.
        return (int) Math.min(99, Math.floor((double) done * 100 / span));
    }

    /** The last {@code limit} daily counts (fewer when there are fewer). */
    public List<Long> lastDays(int limit) {
        return dailyCounts.subList(Math.max(0, dailyCounts.size() - limit), dailyCounts.size());
    }
}
