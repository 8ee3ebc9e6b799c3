package dev.socialticker.ticker.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds several sources' histories up: at each instant any of them has a point, the sum of every
 * source's latest count so far (a source's count carries until its next point, and one that has no
 * point yet counts from its count before the range, if it had one). For days, the lowest and highest
 * of a sum are the sums of the sources' lowest and highest: bounds of the day's range.
 */
public final class HistorySum {

    /** One source's points in the range, and its count before the range began (null when none). */
    public record Part(Long before, List<HistoryPoint> points) {}

    private HistorySum() {}

    public static List<HistoryPoint> of(List<Part> parts, int limit) {
        int n = parts.size();
        long[] last = new long[n];
        long[] min = new long[n];
        long[] max = new long[n];
        boolean[] known = new boolean[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            Long before = parts.get(i).before();
            if (before != null) {
                last[i] = min[i] = max[i] = before;
                known[i] = true;
            }
        }
        List<HistoryPoint> sums = new ArrayList<>();
        while (sums.size() < limit) {
            Instant at = null;
            for (int i = 0; i < n; i++) {
                List<HistoryPoint> points = parts.get(i).points();
                if (next[i] < points.size()
                        && (at == null || points.get(next[i]).at().isBefore(at))) {
                    at = points.get(next[i]).at();
                }
            }
            if (at == null) {
                break;
            }
            long total = 0;
            long lowest = 0;
            long highest = 0;
            for (int i = 0; i < n; i++) {
                List<HistoryPoint> points = parts.get(i).points();
                if (next[i] < points.size() && points.get(next[i]).at().equals(at)) {
                    HistoryPoint point = points.get(next[i]++);
                    last[i] = point.count();
                    min[i] = point.min();
                    max[i] = point.max();
                    known[i] = true;
                } else if (known[i]) {
                    // Carried: the whole bucket at the count it ended on before.
                    min[i] = last[i];
                    max[i] = last[i];
                }
                if (known[i]) {
                    total += last[i];
                    lowest += min[i];
                    highest += max[i];
                }
            }
            sums.add(new HistoryPoint(at, total, lowest, highest));
        }
        return sums;
    }
}
