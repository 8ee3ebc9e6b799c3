package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.Nightly;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A year of readings in seconds: one source read every 60 s for 365 simulated days, through
 * {@link HistoryBook#record} as the store's subscriber calls it, with the compaction every simulated
 * hour; then each resolution's points and the stored document's size. The sizes printed by the
 * nightly build's year are the ones docs/history.md states. The regular build simulates 120 days
 * ({@link Nightly#SIMULATED_HISTORY_DAYS}): past the 90 days of hours the raw and hourly parts no
 * longer grow, so every judgement below is already made there, in a third of the time.
 */
class SimulatedYearTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int READINGS_PER_DAY = 24 * 60;
    static final int DAYS = Nightly.SIMULATED_HISTORY_DAYS.value();

    @Test
    void aSourceWhoseCountMovesAsAnAccountsDoes() throws IOException {
        // A growing account: a reading in five changes, by a few followers, more often up than down.
        SplittableRandom random = new SplittableRandom(23);
        Year year = simulate(
                "plausible", 12_000, count -> random.nextInt(5) == 0 ? count + random.nextInt(-2, 4) : count, true);

        year.assertResolutions();
        assertThat(year.bytes).isBetween(10_000, 200_000);
    }

    @Test
    void aSourceWhoseCountChangesOnceADay() throws IOException {
        Year year = simulate(
                "daily",
                5_000,
                new LongUnaryOperator() {
                    long reading;

                    @Override
                    public long applyAsLong(long count) {
                        return reading++ % READINGS_PER_DAY == 0 ? count + 7 : count;
                    }
                },
                true);

        year.assertResolutions();
        assertThat(year.raw).as("one reading an hour while still").isBetween(24 * 10 - 1, 24 * 10 + 2);
        assertThat(year.bytes).isLessThan(40_000);
    }

    /**
     * The worst case, for its size: every reading is a change, so every reading rewrites the whole
     * document (about 86 KB at the end of the year): half a million writes take minutes even in
     * memory. So this one records into the history itself, with the same rule and the same hourly
     * compaction, and encodes the document once at the end.
     */
    @Test
    void aSourceWhoseCountChangesAtEveryReading() throws IOException {
        Year year = simulate("every", 1_000_000, count -> count + 1, false);

        year.assertResolutions();
        assertThat(year.raw)
                .as("every reading of 10 days")
                .isBetween(10 * READINGS_PER_DAY - 60, 10 * READINGS_PER_DAY + 1);
        assertThat(year.bytes).isLessThan(400_000);
    }

    /** What the simulated days left in the book, and the stored document's size. */
    record Year(String id, int raw, int hours, int days, int bytes, Instant end, SourceHistory history) {
        void assertResolutions() {
            assertThat(days).as("%s: a point a day for ever", id).isEqualTo(DAYS);
            assertThat(hours)
                    .as("%s: the hours of 90 days (compacted hourly)", id)
                    .isBetween(90 * 24, 90 * 24 + 2);
            Instant firstRaw =
                    history.points(Step.RAW, Instant.EPOCH, end).get(0).at();
            assertThat(Duration.between(firstRaw, end))
                    .as("%s: raw readings reach back about 10 days", id)
                    .isBetween(
                            Duration.ofDays(10).minusHours(1),
                            Duration.ofDays(10).plusHours(1));
            Instant firstHour =
                    history.points(Step.HOUR, Instant.EPOCH, end).get(0).at();
            assertThat(Duration.between(firstHour, end))
                    .as("%s: hours reach back about 90 days", id)
                    .isBetween(
                            Duration.ofDays(90).minusHours(1),
                            Duration.ofDays(90).plusHours(2));
            assertThat(history.points(Step.DAY, Instant.EPOCH, end).get(0).at()).isEqualTo(START);
        }
    }

    /**
     * Reads the source every 60 s for {@link #DAYS} days ({@code next} gives each reading's count from the one
     * before), as a refresh's change, compacting every simulated hour.
     */
    private static Year simulate(String id, long first, LongUnaryOperator next, boolean throughTheBook)
            throws IOException {
        TickerSource source = new TickerSource(id, "demo", id);
        MutableClock clock = new MutableClock(START);
        StateRepository state = StateRepository.memory(Map.of());
        HistoryProperties settings = HistoryProperties.defaults();
        SourceHistory alone = new SourceHistory();
        HistoryBook book = new HistoryBook(
                state,
                new SourceCatalog(new SourceProperties(List.of(new SourceProperties.Source(id, "demo", id)), null)),
                settings,
                provider -> false,
                clock,
                new TickerEvents(event -> {}, new SimpleMeterRegistry()));
        long started = System.nanoTime();
        SourceState before = SourceState.empty(source);
        long count = first;
        long sequence = 0;
        for (int reading = 0; reading < DAYS * READINGS_PER_DAY; reading++) {
            if (reading > 0) {
                clock.advance(Duration.ofSeconds(60));
                count = next.applyAsLong(count);
            }
            Instant now = clock.instant();
            SourceState after = before.withSnapshot(new Snapshot(count, id, now, null, null));
            if (throughTheBook) {
                book.record(new SourceChanged(
                        before, after, SourceChanged.Cause.REFRESH, Duration.ofMillis(80), ++sequence));
            } else {
                alone.record(now, count);
            }
            before = after;
            if (reading % 60 == 59) {
                if (throughTheBook) {
                    book.compact();
                } else {
                    alone.compact(now, settings.rawRetention(), settings.hourlyRetention());
                }
            }
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        SourceHistory history = throughTheBook ? book.of(id) : alone;
        byte[] document = throughTheBook ? state.read(StateKey.history(id)).orElseThrow() : HistoryCodec.encode(alone);
        int bytes = document.length;
        if (throughTheBook) {
            assertThat(book.bytes(id)).isEqualTo(bytes);
            assertThat(HistoryCodec.decode(document).points(Step.RAW, Instant.EPOCH, clock.instant()))
                    .as("the stored document holds what the book answers")
                    .isEqualTo(history.points(Step.RAW, Instant.EPOCH, clock.instant()));
        }
        int[] sizes = history.sizes();
        long encodeStarted = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            HistoryCodec.encode(history);
        }
        double encodeMillis = (System.nanoTime() - encodeStarted) / 100 / 1e6;
        System.out.printf(
                "[history] %s: %d days of readings every 60 s in %d ms%s: raw %d, hour %d, day %d points;"
                        + " document %d bytes (%.1f KB); encoding it takes %.2f ms%n",
                id,
                DAYS,
                tookMillis,
                throughTheBook ? " through the book" : " into the history alone",
                sizes[0],
                sizes[1],
                sizes[2],
                bytes,
                bytes / 1024.0,
                encodeMillis);
        return new Year(id, sizes[0], sizes[1], sizes[2], bytes, clock.instant(), history);
    }
}
