package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.state.FleetLease;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides what the outputs get. A source is pushed when its count changes or it turns stale or fresh
 * ({@link Staleness}, the API's own rule); a count is stale by age as time passes, with no change
 * published, so the tick ({@link OutputEndpoints#TICK}) looks again every few seconds. Changes arrive
 * on the change subscriber's thread, never a refresh's; deciding is a comparison and a queue offer.
 *
 * <p>In the shared mode one instance pushes for the fleet: the holder of the lease {@value #LEASE}
 * pushes every change, its own refreshes' and those the fleet tells it of; the others push nothing.
 * The lease lasts 15 seconds and is renewed at every tick (every 5 seconds), so when the holder dies
 * another instance takes over within 15 seconds, at its next change or tick.
 */
@Component
public class OutputFeed {
    static final String LEASE = "outputs-leader";

    /** What the outputs were last told of a source. */
    private record Told(long sequence, long count, boolean stale, SourceState state) {}

    private final Map<String, Told> told = new ConcurrentHashMap<>();
    private final OutputQueues queues;
    private final Staleness staleness;
    private final Clock clock;
    private final FleetLease lease;

    OutputFeed(OutputQueues queues, RefreshSchedule schedule, Clock clock, StateRepository state) {
        this.queues = queues;
        this.staleness = schedule.staleness();
        this.clock = clock;
        this.lease = new FleetLease(state, LEASE, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    /** One change of the store (route {@code output-changes}). */
    void changed(SourceChanged change) {
        SourceState current = change.current();
        String id = current.source().id();
        if (!current.hasData()) {
            told.remove(id); // nothing to show; the next count is pushed
            return;
        }
        boolean stale = staleness.isStale(current, clock.instant());
        Told now = new Told(change.sequence(), current.snapshot().total(), stale, current);
        Told before = told.compute(id, (key, last) -> last != null && last.sequence() > change.sequence() ? last : now);
        if (before != now) {
            return; // an older change, arriving after a newer one
        }
        SourceState previous = change.previous();
        boolean same = previous.hasData()
                && previous.snapshot().total() == now.count()
                && staleness.isStale(previous, clock.instant()) == stale;
        if (!same) {
            push(now);
        }
    }

    /** Staleness by age, the lease, and pushes to send again (route {@code output-tick}). */
    void tick() {
        lease.claim();
        Instant at = clock.instant();
        told.replaceAll((id, last) -> {
            boolean stale = staleness.isStale(last.state(), at);
            if (stale == last.stale()) {
                return last;
            }
            Told turned = new Told(last.sequence(), last.count(), stale, last.state());
            push(turned);
            return turned;
        });
        if (lease.holds()) {
            queues.retryLater();
        }
    }

    private void push(Told state) {
        if (lease.turn()) {
            queues.offer(new Delivery(state.state(), state.stale(), null));
        }
    }

    @EventListener(ContextClosedEvent.class)
    void release() {
        lease.release();
    }
}
