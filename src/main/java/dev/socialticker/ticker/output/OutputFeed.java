package dev.socialticker.ticker.output;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.state.FleetLease;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.store.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Decides what the outputs get. A source is pushed when its count changes or it turns stale or fresh
 * ({@link Staleness}, the API's own rule); a count is stale by age as time passes, with no change
 * published, so the tick ({@link OutputEndpoints#TICK}) looks again every few seconds. The tick also
 * pushes a source whose body changed with its history alone (a backfill, a compaction: its growth
 * moved, {@link SourceBodies#reshapedByHistory}). Outputs that announce sources without a count (Home
 * Assistant's sensors) are told of those too, as of every source, when they start and at their
 * repeats. Changes arrive on the change subscriber's thread, never a refresh's; deciding is a
 * comparison and a queue offer.
 *
 * <p>In the shared mode one instance pushes for the fleet: the holder of the lease {@value #LEASE}
 * pushes every change, its own refreshes' and those the fleet tells it of; the others push nothing.
 * The lease lasts 15 seconds and is renewed at every tick (every 5 seconds), so when the holder dies
 * another instance takes over within 15 seconds, at its next change or tick.
 */
@Component
public class OutputFeed {
    static final String LEASE = "outputs-leader";

    /** What the outputs were last told of a source; {@code count} null for a source without one. */
    private record Told(long sequence, Long count, boolean stale, SourceState state) {
        static Told of(long sequence, SourceState state, boolean stale) {
            return new Told(sequence, state.hasData() ? state.snapshot().total() : null, stale, state);
        }
    }

    private final Map<String, Told> told = new ConcurrentHashMap<>();
    private final OutputQueues queues;
    private final Staleness staleness;
    private final Clock clock;
    private final FleetLease lease;
    private final SourceCatalog catalog;
    private final SnapshotStore store;
    private final SourceBodies bodies;
    /** Whether the counts the store held at start-up were read into {@link #told}. */
    private volatile boolean seeded;

    OutputFeed(
            OutputQueues queues,
            RefreshSchedule schedule,
            Clock clock,
            StateRepository state,
            SourceCatalog catalog,
            SnapshotStore store,
            SourceBodies bodies) {
        this.queues = queues;
        this.bodies = bodies;
        this.catalog = catalog;
        this.store = store;
        this.staleness = schedule.staleness();
        this.clock = clock;
        this.lease = new FleetLease(state, LEASE, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    /** One change of the store (route {@code output-changes}). */
    void changed(SourceChanged change) {
        SourceState current = change.current();
        String id = current.source().id();
        boolean stale = !current.hasData() || staleness.isStale(current, clock.instant());
        Told now = Told.of(change.sequence(), current, stale);
        Told before = told.compute(id, (key, last) -> last != null && last.sequence() > change.sequence() ? last : now);
        if (before != now) {
            return; // an older change, arriving after a newer one
        }
        if (!current.hasData()) {
            // Kept for the outputs that announce sources without a count (started since, repeats);
            // not pushed as a change: a count forgotten or a failure before the first is no news.
            return;
        }
        SourceState previous = change.previous();
        boolean same = previous.hasData()
                && previous.snapshot().total() == current.snapshot().total()
                && staleness.isStale(previous, clock.instant()) == stale;
        if (!same) {
            push(now);
        }
    }

    /**
     * Staleness by age, the lease, and pushes owed (route {@code output-tick}): the dead-lettered ones
     * to send again, every current state to an output started or changed since the last tick, and the
     * repeats of outputs that repeat.
     */
    void tick() {
        lease.claim();
        Instant at = clock.instant();
        if (!seeded) {
            // Counts restored at start-up were never a change: the outputs learn them here, and the
            // sources without one, for the outputs that announce those.
            for (TickerSource source : catalog.all()) {
                SourceState state = store.stateOf(source);
                told.putIfAbsent(source.id(), Told.of(0, state, !state.hasData() || staleness.isStale(state, at)));
            }
            seeded = true;
        }
        told.replaceAll((id, last) -> {
            if (last.count() == null) {
                return last;
            }
            boolean stale = staleness.isStale(last.state(), at);
            if (stale == last.stale()) {
                return last;
            }
            Told turned = new Told(last.sequence(), last.count(), stale, last.state());
            push(turned);
            return turned;
        });
        for (String id : bodies.reshapedByHistory()) {
            Told last = told.get(id);
            if (last != null && last.count() != null) {
                push(last);
            }
        }
        if (lease.holds()) {
            queues.retryLater();
            queues.catchUp(
                    told.values().stream()
                            .map(last -> new Delivery(last.state(), last.stale(), null))
                            .toList(),
                    at);
        }
    }

    private void push(Told state) {
        if (lease.turn()) {
            queues.offer(new Delivery(state.state(), state.stale(), null));
        }
    }

    @WhenTheServiceStops
    void release() {
        lease.release();
    }
}
