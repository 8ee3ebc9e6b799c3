package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * One source's history without Spring: which readings become points, what a late one does, the
 * count at an instant from whichever resolution reaches back, and milestones crossed once.
 */
class SourceHistoryTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Milestones LADDER = Milestones.standard();

    @Test
    void eachChangeIsAPoint() {
        SourceHistory history = new SourceHistory();

        assertThat(history.record(T0, 100)).as("the first reading").isTrue();
        assertThat(history.record(T0.plusSeconds(60), 100))
                .as("unchanged within the hour")
                .isFalse();
        assertThat(history.record(T0.plusSeconds(120), 101)).as("a change").isTrue();
        assertThat(history.record(T0.plusSeconds(180), 99)).as("a change down").isTrue();

        assertThat(history.points(Step.RAW, T0, T0.plusSeconds(3600)))
                .extracting(HistoryPoint::count)
                .containsExactly(100L, 101L, 99L);
        assertThat(history.sizes()).containsExactly(3, 1, 1);
    }

    @Test
    void aStillCountIsAPointAtMostOnceAnHour() {
        SourceHistory history = new SourceHistory();
        for (int minute = 0; minute <= 180; minute++) {
            history.record(T0.plusSeconds(minute * 60L), 500);
        }

        assertThat(history.points(Step.RAW, T0, T0.plus(Duration.ofHours(4))))
                .extracting(HistoryPoint::at)
                .containsExactly(
                        T0, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3)));
        assertThat(history.points(Step.HOUR, T0, T0.plus(Duration.ofHours(4))))
                .extracting(HistoryPoint::count)
                .containsExactly(500L, 500L, 500L, 500L);
    }

    @Test
    void aLateReadingChangesNothing() {
        SourceHistory history = new SourceHistory();
        history.record(T0.plusSeconds(600), 110);

        assertThat(history.record(T0.plusSeconds(300), 90)).isFalse();
        assertThat(history.record(T0.plusSeconds(600), 95))
                .as("the same second again")
                .isFalse();

        assertThat(history.points(Step.RAW, T0, T0.plusSeconds(3600)))
                .containsExactly(HistoryPoint.reading(T0.plusSeconds(600), 110));
        assertThat(history.points(Step.HOUR, T0, T0)).containsExactly(new HistoryPoint(T0, 110, 110, 110));
        assertThat(history.points(Step.DAY, T0, T0))
                .as("the day's range untouched by the late reading")
                .containsExactly(new HistoryPoint(T0, 110, 110, 110));
        assertThat(history.lastCount()).hasValue(110);
    }

    @Test
    void daysKeepTheirLastLowestAndHighestCountHoursTheirLast() {
        SourceHistory history = new SourceHistory();
        history.record(T0.plusSeconds(60), 100);
        history.record(T0.plusSeconds(120), 80);
        history.record(T0.plusSeconds(180), 130);
        history.record(T0.plusSeconds(240), 120);
        history.record(T0.plus(Duration.ofHours(5)), 125);

        assertThat(history.points(Step.DAY, T0, T0)).containsExactly(new HistoryPoint(T0, 125, 80, 130));
        assertThat(history.points(Step.HOUR, T0, T0.plus(Duration.ofDays(1))))
                .containsExactly(
                        new HistoryPoint(T0, 120, 120, 120),
                        new HistoryPoint(T0.plus(Duration.ofHours(5)), 125, 125, 125));
        assertThat(history.count(Step.HOUR, T0, T0.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(history.count(Step.HOUR, T0.plusSeconds(3600), T0.plus(Duration.ofDays(1))))
                .isEqualTo(1);
    }

    @Test
    void theCountAtAnInstantComesFromTheFinestResolutionThatReachesBack() {
        SourceHistory history = new SourceHistory();
        Instant now = T0;
        // 100 days, a reading every 10 minutes, the count one more each reading.
        long count = 1_000;
        for (int i = 0; i < 100 * 144; i++) {
            history.record(now, count++);
            now = now.plus(Duration.ofMinutes(10));
        }
        Instant last = now.minus(Duration.ofMinutes(10));
        history.compact(last, Duration.ofDays(10), Duration.ofDays(90));
        long lastCount = count - 1;

        assertThat(history.countAt(last)).hasValue(lastCount);
        assertThat(history.countAt(last.minusSeconds(5 * 60)))
                .as("between raw readings: the one before")
                .hasValue(lastCount - 1);
        assertThat(history.countAt(last.minus(Duration.ofDays(1)))).as("raw").hasValue(lastCount - 144);
        Instant monthAgo = last.minus(Duration.ofDays(30)).minusSeconds(30 * 60);
        assertThat(history.countAt(monthAgo))
                .as("past raw retention: the last count of that hour")
                .hasValue(lastCount - 30 * 144);
        Instant quarterAgo = last.minus(Duration.ofDays(95));
        assertThat(history.countAt(quarterAgo))
                .as("past hourly retention: the last count of that day")
                .hasValue(1_000 + 5 * 144 - 1);
        assertThat(history.countAt(T0.minusSeconds(1)))
                .as("before the history began")
                .isEmpty();
        assertThat(history.begins()).isEqualTo(T0);
    }

    @Test
    void compactionDropsOnlyWhatIsPastRetention() {
        SourceHistory history = new SourceHistory();
        for (int hour = 0; hour < 24 * 100; hour++) {
            history.record(T0.plus(Duration.ofHours(hour)), hour);
        }
        Instant now = T0.plus(Duration.ofHours(24 * 100 - 1));

        int dropped = history.compact(now, Duration.ofDays(10), Duration.ofDays(90));

        assertThat(history.sizes()).containsExactly(24 * 10 + 1, 24 * 90 + 1, 100);
        assertThat(dropped).isEqualTo(2 * 24 * 100 - (24 * 10 + 1) - (24 * 90 + 1));
        assertThat(history.compact(now, Duration.ofDays(10), Duration.ofDays(90)))
                .as("twice: nothing more")
                .isZero();
    }

    @Test
    void theFirstReadingCelebratesNothing() {
        SourceHistory history = new SourceHistory();

        assertThat(history.crossing(12_345, LADDER)).isEmpty();
        history.record(T0, 12_345);

        assertThat(history.celebrated())
                .as("marked as passed before the service watched")
                .isEqualTo(10_000);
        assertThat(history.crossing(12_400, LADDER)).isEmpty();
    }

    @Test
    void aMilestoneIsCelebratedOnceAndADipAndReCrossingNeverAgain() {
        SourceHistory history = new SourceHistory();
        assertThat(readAndCross(history, T0, 990)).isEmpty();

        assertThat(readAndCross(history, T0.plusSeconds(60), 1_001)).hasValue(1_000);
        assertThat(readAndCross(history, T0.plusSeconds(120), 1_002)).isEmpty();
        assertThat(readAndCross(history, T0.plusSeconds(180), 998)).as("a dip").isEmpty();
        assertThat(readAndCross(history, T0.plusSeconds(240), 1_000))
                .as("back across")
                .isEmpty();
        assertThat(readAndCross(history, T0.plusSeconds(300), 1_100)).isEmpty();
        assertThat(history.celebrated()).isEqualTo(1_000);
    }

    @Test
    void aJumpOverSeveralRungsCelebratesTheHighest() {
        SourceHistory history = new SourceHistory();
        readAndCross(history, T0, 90);

        assertThat(readAndCross(history, T0.plusSeconds(60), 1_200)).hasValue(1_000);
        assertThat(readAndCross(history, T0.plusSeconds(120), 600))
                .as("the rungs jumped over are not celebrated on the way back")
                .isEmpty();
        assertThat(readAndCross(history, T0.plusSeconds(180), 1_300)).isEmpty();
    }

    @Test
    void anExplicitLadderIsCrossedAsGiven() {
        SourceHistory history = new SourceHistory();
        Milestones ladder = Milestones.of(List.of(150L, 300L));
        history.record(T0, 100);

        assertThat(history.crossing(200, ladder)).hasValue(150);
        history.record(T0.plusSeconds(60), 200);
        assertThat(history.crossing(250, ladder)).isEmpty();
    }

    @Test
    void backfilledDaysAloneAreNotALiveReading() {
        SourceHistory history = new SourceHistory();
        assertThat(history.backfill(LocalDate.parse("2026-10-01"), 40)).isEqualTo(SourceHistory.Backfilled.ADDED);

        assertThat(history.crossing(1_500, LADDER))
                .as("the first live reading after an import celebrates nothing")
                .isEmpty();
        history.record(T0, 1_500);

        assertThat(history.backfill(LocalDate.parse("2026-10-01"), 40)).isEqualTo(SourceHistory.Backfilled.UNCHANGED);
        assertThat(history.backfill(LocalDate.parse("2026-10-01"), 45)).isEqualTo(SourceHistory.Backfilled.UPDATED);
        assertThat(history.backfill(LocalDate.parse("2026-11-01"), 45)).isEqualTo(SourceHistory.Backfilled.LIVE);
        assertThat(history.countAt(Instant.parse("2026-10-15T00:00:00Z"))).hasValue(45);
    }

    private static OptionalLong readAndCross(SourceHistory history, Instant at, long count) {
        OptionalLong crossed = history.crossing(count, LADDER);
        history.record(at, count);
        return crossed;
    }
}
