package dev.socialticker.ticker.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ladder of milestones: by default 10, 25, 50, 100, 250, 500, 1k, 2.5k, 5k, 10k, … (1, 2.5 and 5
 * times each power of ten from 10 on), or an explicit list ({@code ticker.history.milestones}).
 */
public final class Milestones {
    private final long[] rungs;

    private Milestones(long[] rungs) {
        this.rungs = rungs;
    }

    /** The default ladder, up to the largest count a long holds. */
    public static Milestones standard() {
        List<Long> rungs = new ArrayList<>();
        for (long power = 10; ; power *= 10) {
            rungs.add(power);
            rungs.add(power * 5 / 2);
            rungs.add(power * 5);
            if (power > Long.MAX_VALUE / 50) {
                // The next power's five times would overflow: 5 * 10^18 is the top rung.
                break;
            }
        }
        return new Milestones(rungs.stream().mapToLong(Long::longValue).toArray());
    }

    /** An explicit ladder (sorted here; must be positive). Empty means the standard ladder. */
    public static Milestones of(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return standard();
        }
        long[] rungs =
                values.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (rungs[0] <= 0) {
            throw new IllegalArgumentException("milestones must be positive, got " + rungs[0]);
        }
        return new Milestones(rungs);
    }

    /** Every milestone, lowest first: the pages mark where a count crossed one. */
    public List<Long> rungs() {
        return Arrays.stream(rungs).boxed().toList();
    }

    /** The first milestone above {@code count}, if the ladder goes that high. */
    public OptionalLong nextAbove(long count) {
        int found = Arrays.binarySearch(rungs, count);
        int next = found >= 0 ? found + 1 : -found - 1;
        return next < rungs.length ? OptionalLong.of(rungs[next]) : OptionalLong.empty();
    }

    /** The highest milestone at or below {@code count}, if any. */
    public OptionalLong highestAtOrBelow(long count) {
        int found = Arrays.binarySearch(rungs, count);
        int at = found >= 0 ? found : -found - 2;
        return at >= 0 ? OptionalLong.of(rungs[at]) : OptionalLong.empty();
    }
}
