package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RefreshGateTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    final RefreshGate gate = gateWithMinInterval(Duration.ofSeconds(30));

    @Test
    void oneRefreshPerSourceInFlight() {
        assertThat(gate.tryAcquire("a", false)).isTrue();
        assertThat(gate.tryAcquire("a", false)).isFalse();
        assertThat(gate.wouldAdmit("a", false)).isFalse();
        assertThat(gate.tryAcquire("b", false)).as("sources are independent").isTrue();
    }

    @Test
    void noRefreshSoonerThanMinIntervalAfterTheLastStart() {
        gate.tryAcquire("a", false);
        gate.release("a");
        clock.advance(Duration.ofSeconds(15));
        assertThat(gate.tryAcquire("a", false)).isFalse();
        clock.advance(Duration.ofSeconds(15));
        assertThat(gate.tryAcquire("a", false)).isTrue();
    }

    @Test
    void aTimerTickThatLandsJustShortOfMinIntervalIsNotSkipped() {
        gate.tryAcquire("a", true);
        gate.release("a");
        // A timer with period = min-interval fires a hair before min-interval after the recorded start.
        clock.advance(Duration.ofSeconds(30).minusMillis(5));
        assertThat(gate.tryAcquire("a", false)).as("a read gets no slack").isFalse();
        assertThat(gate.tryAcquire("a", true)).isTrue();
    }

    @Test
    void theTimersSlackIsATenthOfThePeriodAtMostOneSecond() {
        RefreshGate fast = gate(Duration.ofSeconds(5), Duration.ofSeconds(5), FleetGate.LOCAL);
        fast.tryAcquire("a", true);
        fast.release("a");
        clock.advance(Duration.ofMillis(4_400));
        assertThat(fast.tryAcquire("a", true)).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(fast.tryAcquire("a", true)).isTrue();

        gate.tryAcquire("b", true);
        gate.release("b");
        clock.advance(Duration.ofMillis(28_900));
        assertThat(gate.tryAcquire("b", true)).isFalse();
    }

    @Test
    void theTimerGetsNoSlackOnAnUpstreamRequestedWait() {
        gate.deferUntil("a", clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5).minusMillis(100));
        assertThat(gate.tryAcquire("a", true)).isFalse();
    }

    @Test
    void anUpstreamRequestedWaitHoldsEveryTrigger() {
        gate.deferUntil("a", clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(gate.tryAcquire("a", false)).isFalse();
        assertThat(gate.nextAttemptAt("a")).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.tryAcquire("a", false)).isTrue();
    }

    @Test
    void whenTheFleetRefusesTheSourceIsNotLeftInFlight() {
        RecordingFleet fleet = new RecordingFleet(false);
        RefreshGate shared = gateWithMinInterval(Duration.ofSeconds(30), fleet);

        assertThat(shared.tryAcquire("a", true)).isFalse();
        assertThat(shared.inFlight("a")).isFalse();
        assertThat(fleet.claims).containsExactly("a scheduled");
    }

    @Test
    void theFleetsClaimIsReleasedOnceWithTheGate() {
        RecordingFleet fleet = new RecordingFleet(true);
        RefreshGate shared = gateWithMinInterval(Duration.ofSeconds(30), fleet);

        assertThat(shared.tryAcquire("a", false)).isTrue();
        assertThat(fleet.released).isZero();
        shared.release("a");
        shared.release("a");
        assertThat(fleet.released).isEqualTo(1);
    }

    @Test
    void theFleetIsNotAskedWhenTheLocalGateRefuses() {
        RecordingFleet fleet = new RecordingFleet(true);
        RefreshGate shared = gateWithMinInterval(Duration.ofSeconds(30), fleet);
        shared.tryAcquire("a", false);

        assertThat(shared.tryAcquire("a", false)).isFalse();
        assertThat(fleet.claims).containsExactly("a read");
    }

    @Test
    void anUpstreamRequestedWaitIsSharedWithTheFleet() {
        RecordingFleet fleet = new RecordingFleet(true);
        Instant until = clock.instant().plus(Duration.ofHours(1));
        gateWithMinInterval(Duration.ofSeconds(30), fleet).deferUntil("a", until);
        assertThat(fleet.deferred).containsExactly(Map.entry("a", until));
    }

    /** A fleet that grants or refuses every claim, and remembers what it was asked. */
    static final class RecordingFleet implements FleetGate {
        final boolean grants;
        final List<String> claims = new java.util.ArrayList<>();
        final Map<String, Instant> deferred = new java.util.LinkedHashMap<>();
        int released;

        RecordingFleet(boolean grants) {
            this.grants = grants;
        }

        @Override
        public Claim tryClaim(String sourceId, boolean scheduled) {
            claims.add(sourceId + (scheduled ? " scheduled" : " read"));
            return grants ? () -> released++ : null;
        }

        @Override
        public void deferUntil(String sourceId, Instant until) {
            deferred.put(sourceId, until);
        }
    }

    private RefreshGate gateWithMinInterval(Duration minInterval) {
        return gateWithMinInterval(minInterval, FleetGate.LOCAL);
    }

    private RefreshGate gateWithMinInterval(Duration minInterval, FleetGate fleet) {
        return gate(Duration.ofSeconds(60), minInterval, fleet);
    }

    private RefreshGate gate(Duration period, Duration minInterval, FleetGate fleet) {
        RefreshProperties refresh = new RefreshProperties(
                period,
                null,
                minInterval,
                Duration.ZERO,
                new RefreshProperties.Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                16);
        SourceCatalog catalog = new SourceCatalog(
                new SourceProperties(List.of(new SourceProperties.Source(null, "demo", "a")), Map.of()));
        return new RefreshGate(new RefreshSchedule(refresh, catalog, new MockEnvironment(), clock), clock, fleet);
    }
}
