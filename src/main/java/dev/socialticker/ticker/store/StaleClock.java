package dev.socialticker.ticker.store;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.event.TickerEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one clock that tells when a count turns stale by age ({@link Staleness}): no write happens
 * then, so the store looks every {@link StoreEndpoints#CLOCK_PERIOD} (route {@code store-clock}) and
 * publishes one {@link SourceTurnedStale} per count that crossed its stale-after age since. The
 * outputs, the view and the alerts use it instead of clocks of their own. Its first tick publishes
 * the state found at start-up ({@link SnapshotStore#announceRestored}).
 */
@Component
class StaleClock {
    private final SnapshotStore store;
    private final SourceCatalog catalog;
    private final Staleness staleness;
    private final Clock clock;
    private final TickerEvents events;
    /** Per source, the stale-after moment already published (or already past at start-up). */
    private final Map<String, Instant> announced = new HashMap<>();

    private boolean restored;

    StaleClock(SnapshotStore store, SourceCatalog catalog, Staleness staleness, Clock clock, TickerEvents events) {
        this.store = store;
        this.catalog = catalog;
        this.staleness = staleness;
        this.clock = clock;
        this.events = events;
    }

    synchronized void tick() {
        Instant now = clock.instant();
        boolean first = !restored;
        if (first) {
            store.announceRestored();
            restored = true;
        }
        for (SourceState state : store.statesOf(catalog.all())) {
            if (!state.hasData() || state.failure() != null) {
                continue; // no count, or stale already by its failure: a change said so
            }
            Instant staleAt = staleness.staleAt(state.snapshot());
            if (now.isBefore(staleAt)
                    || staleAt.equals(announced.get(state.source().id()))) {
                continue;
            }
            // At start-up a count stale already was published as such, as RESTORED. One the hub
            // could not take is tried again at the next tick.
            if (first || events.publish(new SourceTurnedStale(state, staleAt))) {
                announced.put(state.source().id(), staleAt);
            }
        }
    }
}
