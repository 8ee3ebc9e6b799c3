package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

    private static HistoryPoint reading(long seconds, long count) {
        return HistoryPoint.reading(T0.plusSeconds(seconds), count);
    }

    private static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }
}
