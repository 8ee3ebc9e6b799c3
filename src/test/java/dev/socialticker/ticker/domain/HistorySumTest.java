package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Several sources' points added up: each carries its last count until its next point. */
class HistorySumTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aSourceCarriesItsCountUntilItsNextPoint() {
        HistorySum.Part a = new HistorySum.Part(null, List.of(reading(0, 100), reading(20, 110)));
        HistorySum.Part b = new HistorySum.Part(null, List.of(reading(10, 5), reading(20, 6), reading(30, 7)));

        assertThat(HistorySum.of(List.of(a, b), 100))
                .containsExactly(reading(0, 100), reading(10, 105), reading(20, 116), reading(30, 117));
    }

    @Test
    void aSourceWithNoPointInTheRangeCountsFromItsCountBefore() {
        HistorySum.Part still = new HistorySum.Part(1_000L, List.of());
        HistorySum.Part moving = new HistorySum.Part(50L, List.of(reading(5, 60)));
        HistorySum.Part unknown = new HistorySum.Part(null, List.of());

        assertThat(HistorySum.of(List.of(still, moving, unknown), 100)).containsExactly(reading(5, 1_060));
    }

    @Test
    void daysAddTheirRangesAndACarriedDayHasNone() {
        HistorySum.Part a = new HistorySum.Part(
                null, List.of(new HistoryPoint(day(0), 100, 90, 105), new HistoryPoint(day(1), 110, 100, 112)));
        HistorySum.Part b = new HistorySum.Part(null, List.of(new HistoryPoint(day(0), 10, 8, 11)));

        assertThat(HistorySum.of(List.of(a, b), 100))
                .containsExactly(new HistoryPoint(day(0), 110, 98, 116), new HistoryPoint(day(1), 120, 110, 122));
    }

    @Test
    void noPartsOrNoPointsSumToNothing() {
        assertThat(HistorySum.of(List.of(), 100)).isEmpty();
        assertThat(HistorySum.of(List.of(new HistorySum.Part(5L, List.of())), 100))
                .isEmpty();
    }

    @Test
    void theSumStopsAtTheLimit() {
        HistorySum.Part a = new HistorySum.Part(null, List.of(reading(0, 1), reading(1, 2), reading(2, 3)));

        assertThat(HistorySum.of(List.of(a), 2)).containsExactly(reading(0, 1), reading(1, 2));
    }

    /**
     * The sum, merged one source at a time, against its definition computed afresh at every instant:
     * fifty sources with and without a count before the range, points at random instants, ranges.
     */
    @Test
    void manySourcesAddUpAsTheDefinitionSays() {
        Random random = new Random(42);
        List<HistorySum.Part> parts = new ArrayList<>();
        for (int source = 0; source < 50; source++) {
            Long before = random.nextBoolean() ? null : (long) random.nextInt(1_000);
            TreeMap<Long, HistoryPoint> points = new TreeMap<>();
            for (int n = random.nextInt(30); n > 0; n--) {
                long second = random.nextInt(200);
                long count = random.nextInt(1_000);
                points.put(
                        second,
                        new HistoryPoint(
                                T0.plusSeconds(second), count, count - random.nextInt(5), count + random.nextInt(5)));
            }
            parts.add(new HistorySum.Part(before, List.copyOf(points.values())));
        }
        TreeSet<Instant> instants = new TreeSet<>();
        parts.forEach(part -> part.points().forEach(point -> instants.add(point.at())));
        List<HistoryPoint> expected = new ArrayList<>();
        for (Instant at : instants) {
            long total = 0;
            long low = 0;
            long high = 0;
            for (HistorySum.Part part : parts) {
                HistoryPoint here = part.points().stream()
                        .filter(point -> point.at().equals(at))
                        .findFirst()
                        .orElse(null);
                if (here != null) {
                    total += here.count();
                    low += here.min();
                    high += here.max();
                    continue;
                }
                Long carried = part.before();
                for (HistoryPoint point : part.points()) {
                    if (point.at().isBefore(at)) {
                        carried = point.count();
                    }
                }
                long value = carried == null ? 0 : carried;
                total += value;
                low += value;
                high += value;
            }
            expected.add(new HistoryPoint(at, total, low, high));
        }

        assertThat(HistorySum.of(parts, 10_000)).containsExactlyElementsOf(expected);
        assertThat(HistorySum.of(parts, 7)).containsExactlyElementsOf(expected.subList(0, 7));
    }

    private static HistoryPoint reading(long seconds, long count) {
        return HistoryPoint.reading(T0.plusSeconds(seconds), count);
    }

    private static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }
}
