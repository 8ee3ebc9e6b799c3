package dev.socialticker.ticker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store's one clock: its first tick publishes every source's state as found at start-up
 * (RESTORED, empty for a source with none), and then each count that crosses stale-after is
 * published once as turned stale, not before, not again, and again only for a newer count.
 */
class StaleClockTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    final SourceCatalog catalog = new SourceCatalog(new SourceProperties(
            List.of(
                    new SourceProperties.Source("kept", "demo", "kept"),
                    new SourceProperties.Source("new", "demo", "new")),
            Map.of()));
    final TickerSource kept = catalog.all().get(0);
    final TickerSource fresh = catalog.all().get(1);
    final MutableClock clock = new MutableClock(T);
    final List<TickerEvent> published = new ArrayList<>();
    final TickerEvents events = new TickerEvents(published::add, new SimpleMeterRegistry());
    final SnapshotStore store = new SnapshotStore(restored(), Documents.inMemory(), catalog, events);
    final StaleClock staleClock = new StaleClock(store, catalog, new Staleness(STALE_AFTER), clock, events);

    @Test
    void theFirstTickPublishesEverySourcesStateAsFoundAtStartUp() {
        staleClock.tick();

        assertThat(published)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(SourceChanged.class, change -> {
                    assertThat(change.cause()).isEqualTo(SourceChanged.Cause.RESTORED);
                    assertThat(change.local()).as("not announced to the fleet").isFalse();
                }));
        assertThat(((SourceChanged) published.get(0)).current().snapshot().total())
                .isEqualTo(100);
        assertThat(((SourceChanged) published.get(1)).current()).isEqualTo(SourceState.empty(fresh));
        assertThat(((SourceChanged) published.get(1)).sequence())
                .as("numbered like writes")
                .isGreaterThan(((SourceChanged) published.get(0)).sequence());
    }

    @Test
    void aCountThatCrossesStaleAfterIsPublishedOnceWhenItDoes() {
        staleClock.tick();
        published.clear();

        clock.advance(STALE_AFTER.minusSeconds(1));
        staleClock.tick();
        assertThat(published).as("still fresh").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        staleClock.tick();
        staleClock.tick();
        assertThat(published).singleElement().isInstanceOfSatisfying(SourceTurnedStale.class, stale -> {
            assertThat(stale.source()).isEqualTo(kept);
            assertThat(stale.staleAt()).isEqualTo(T.plus(STALE_AFTER));
            assertThat(stale.state()).isEqualTo(store.stateOf(kept));
        });
    }

    @Test
    void aNewerCountTurnsStaleInItsTurnAndAFailedSourceIsStaleByItsChangeAlready() {
        staleClock.tick();
        clock.advance(STALE_AFTER);
        staleClock.tick();
        published.clear();

        store.storeSnapshot(new TestPermit(kept), last -> new Snapshot(101, "kept", clock.instant(), null, null));
        store.recordFailure(
                new TestPermit(fresh),
                new Failure(FailureCode.TIMEOUT, "The provider did not answer in time", clock.instant(), null, 1));
        published.clear();
        clock.advance(STALE_AFTER);
        staleClock.tick();

        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        SourceTurnedStale.class,
                        stale -> assertThat(stale.state().snapshot().total()).isEqualTo(101));
    }

    @Test
    void aCountStaleAlreadyAtStartUpIsPublishedAsRestoredOnly() {
        clock.advance(STALE_AFTER.plusMinutes(5));

        staleClock.tick();
        staleClock.tick();

        assertThat(published).hasSize(2).allMatch(SourceChanged.class::isInstance);
    }

    /** The cache as the stored documents left it at start-up: one source with a count, one without. */
    private Cache<String, SourceState> restored() {
        Cache<String, SourceState> cache = Caffeine.newBuilder().build();
        cache.put(
                "kept",
                SourceState.empty(new TickerSource("kept", "demo", "kept"))
                        .withSnapshot(new Snapshot(100, "kept", T, null, null)));
        return cache;
    }

    private record TestPermit(TickerSource source) implements WritePermit {
        @Override
        public boolean tryCommit() {
            return true;
        }

        @Override
        public Duration elapsed() {
            return Duration.ofMillis(5);
        }
    }
}
