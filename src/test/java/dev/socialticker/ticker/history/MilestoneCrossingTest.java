package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.Milestones;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Once per milestone for ever: {@link SourceHistory#crossing} celebrates a rung the first time a
 * reading passes it, never for the count a history starts at, never again after a dip, and its mark
 * is kept in the stored document.
 */
class MilestoneCrossingTest {
    final Milestones ladder = Milestones.standard();
    Instant at = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aDipAndARecrossingCelebrateOnceAndTheMarkOutlivesTheDocument() throws Exception {
        SourceHistory history = new SourceHistory();
        List<Long> celebrated = new ArrayList<>();
        for (long count : new long[] {9_990, 10_004, 9_995, 10_010}) {
            read(history, count).ifPresent(celebrated::add);
        }
        SourceHistory reloaded = HistoryCodec.decode(HistoryCodec.encode(history));
        for (long count : new long[] {9_998, 10_020}) {
            read(reloaded, count).ifPresent(celebrated::add);
        }

        assertThat(celebrated).containsExactly(10_000L);
        assertThat(reloaded.celebrated()).isEqualTo(10_000);
    }

    @Test
    void theCountAHistoryStartsAtIsNoMilestoneAndAJumpCelebratesTheHighestRungOnly() {
        SourceHistory history = new SourceHistory();
        assertThat(read(history, 26_000))
                .as("reached before the service watched")
                .isEmpty();
        assertThat(history.celebrated()).isEqualTo(25_000);
        assertThat(read(history, 120_000)).hasValue(100_000);
        assertThat(read(history, 99_000)).isEmpty();
        assertThat(read(history, 100_001)).isEmpty();
    }

    private OptionalLong read(SourceHistory history, long count) {
        at = at.plus(Duration.ofMinutes(1));
        OptionalLong crossed = history.crossing(count, ladder);
        history.record(at, count);
        return crossed;
    }
}
