package dev.socialticker.ticker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds several sources' histories up: at each instant any of them has a point, the sum of every
 * source's latest count so far (a source's count carries until its next point, and one that has no
 * point yet counts from its count before the range, if it had one). For days, the lowest and highest
 * of a sum are the sums of the sources' lowest and highest: bounds of the day's range.
 *
 * <p>One source at a time is merged into the sum so far ({@link #add}), read in place from its own
 * columns: a sum of 2,000 sources of a decade of days each holds two buffers of the sum's own size,
 * never every source's points at once (made as objects, those were 7.3 million points and half a
 * gigabyte per request, 1.3–1.7 s; src/test/bench/pages.sh). A source carried at an instant counts
 * its last count as its lowest and highest too, so the sum so far, carried, is its own total.
 */
public final class HistorySum {

    /** One source's points in the range, oldest first, read where they are. */
    public interface Points {
        int size();

        /** The point's time, in epoch seconds. */
        long second(int index);

        long last(int index);

        long min(int index);

        long max(int index);
    }

    /** One source's points in the range, and its count before the range began (null when none). */
    public record Part(Long before, List<HistoryPoint> points) {}

    private final int limit;
    /** The sum of the sources' counts before the range: what the sum so far carries before its first point. */
    private long carried;

    private Columns sum = new Columns(16);
    private Columns next = new Columns(16);

    /** @param limit the most points the sum is made of; a sum that reaches it is cut there */
    public HistorySum(int limit) {
        this.limit = limit;
    }

    /** The sum of parts in hand. */
    public static List<HistoryPoint> of(List<Part> parts, int limit) {
        HistorySum sum = new HistorySum(limit);
        for (Part part : parts) {
            List<HistoryPoint> points = part.points();
            sum.add(part.before(), new Points() {
                @Override
                public int size() {
                    return points.size();
                }

                @Override
                public long second(int index) {
                    return points.get(index).at().getEpochSecond();
                }

                @Override
                public long last(int index) {
                    return points.get(index).count();
                }

                @Override
                public long min(int index) {
                    return points.get(index).min();
                }

                @Override
                public long max(int index) {
                    return points.get(index).max();
                }
            });
        }
        return sum.points();
    }

    /**
     * Merges one source into the sum: at every instant of either, the sum so far and the source, each
     * at its point there or carried from its last.
     *
     * @param before the source's count before the range; null when it had none
     */
    public void add(Long before, Points points) {
        long sourceBefore = before == null ? 0 : before;
        int size = points.size();
        next.clear();
        long sumLast = carried;
        long sourceLast = sourceBefore;
        int i = 0;
        int j = 0;
        while ((i < sum.size || j < size) && next.size < limit) {
            long mine = i < sum.size ? sum.at[i] : Long.MAX_VALUE;
            long theirs = j < size ? points.second(j) : Long.MAX_VALUE;
            long at = Math.min(mine, theirs);
            long total;
            long low;
            long high;
            if (mine == at) {
                total = sum.total[i];
                low = sum.low[i];
                high = sum.high[i];
                sumLast = total;
                i++;
            } else {
                total = low = high = sumLast;
            }
            if (theirs == at) {
                long last = points.last(j);
                total += last;
                low += points.min(j);
                high += points.max(j);
                sourceLast = last;
                j++;
            } else {
                total += sourceLast;
                low += sourceLast;
                high += sourceLast;
            }
            next.add(at, total, low, high);
        }
        carried += sourceBefore;
        Columns made = next;
        next = sum;
        sum = made;
    }

    /** The sum, oldest first; as many points as the limit when it reached it. */
    public List<HistoryPoint> points() {
        List<HistoryPoint> points = new ArrayList<>(sum.size);
        for (int i = 0; i < sum.size; i++) {
            points.add(new HistoryPoint(Instant.ofEpochSecond(sum.at[i]), sum.total[i], sum.low[i], sum.high[i]));
        }
        return points;
    }

    /** A sum's points as columns, grown as needed. */
    private static final class Columns {
        long[] at;
        long[] total;
        long[] low;
        long[] high;
        int size;

        Columns(int capacity) {
            at = new long[capacity];
            total = new long[capacity];
            low = new long[capacity];
            high = new long[capacity];
        }

        void clear() {
            size = 0;
        }

        void add(long second, long sum, long lowest, long highest) {
            if (size == at.length) {
                int capacity = size * 2;
                at = Arrays.copyOf(at, capacity);
                total = Arrays.copyOf(total, capacity);
                low = Arrays.copyOf(low, capacity);
                high = Arrays.copyOf(high, capacity);
            }
            at[size] = second;
            total[size] = sum;
            low[size] = lowest;
            high[size] = highest;
            size++;
        }
    }
}
