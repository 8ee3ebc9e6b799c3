package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StalenessTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    static final TickerSource SOURCE = new TickerSource("ig", "instagram", "17841400000000000");
    final Staleness staleness = new Staleness(Duration.ofMinutes(2));

    @Test
    void freshUntilStaleAfterHasPassedThenStale() {
        SourceState state = SourceState.empty(SOURCE).withSnapshot(new Snapshot(100, "p", T, null, null));
        assertThat(staleness.staleAt(state.snapshot())).isEqualTo(T.plusSeconds(120));
        assertThat(staleness.freshUntil(state, T.plusSeconds(119))).isEqualTo(T.plusSeconds(120));
        assertThat(staleness.isStale(state, T.plusSeconds(119)))
                .as("just before stale-after")
                .isFalse();
        assertThat(staleness.isStale(state, T.plusSeconds(120)))
                .as("at stale-after")
                .isTrue();
        assertThat(staleness.age(state.snapshot(), T.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noCountOrAFailedLatestRefreshIsStaleAtOnce() {
        assertThat(staleness.isStale(SourceState.empty(SOURCE), T)).isTrue();
        SourceState failed = SourceState.empty(SOURCE)
                .withSnapshot(new Snapshot(100, "p", T, null, null))
                .withFailure(new Failure(FailureCode.TIMEOUT, "slow", T.plusSeconds(1), null, 3));
        assertThat(staleness.isStale(failed, T.plusSeconds(2)))
                .as("young count, failed refresh")
                .isTrue();
        assertThat(staleness.age(null, T)).isNull();
    }

    @Test
    void staleAfterMustBePositive() {
        assertThatThrownBy(() -> new Staleness(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
