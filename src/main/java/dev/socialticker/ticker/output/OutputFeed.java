package dev.socialticker.ticker.output;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.output.SourcesTold.Told;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.state.FleetLease;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Decides what the outputs get, from the hub's events alone: what it was last told of each source
 * ({@link SourcesTold}) is its read model. A source is pushed when its count changes (a
 * {@link SourceChanged}, as the history reports it on with its growth: {@link SourceReported})
 * or it turns stale or fresh ({@link Staleness}, the API's own rule; stale by age is the store's
 * clock's {@link SourceTurnedStale}), and when its body changed with its history alone (a backfill,
 * a compaction: {@link HistoryChanged}). The state found at start-up (cause RESTORED) is no news:
 * it is kept, and sent to the outputs as they start. Outputs that announce sources without a count
 * (Home Assistant's sensors) are told of those too, as of every source, when they start and at their
 * repeats. Events arrive on the hub subscriber's thread, never a refresh's; deciding is a comparison
 * and a queue offer.
 *
 * <p>In the shared mode one instance pushes for the fleet: the holder of the lease {@value #LEASE}
 * pushes every change, its own refreshes' and those the fleet tells it of; the others push nothing.
 * The lease lasts 15 seconds and is renewed at every tick (every 5 seconds), so when the holder dies
 * another instance takes over within 15 seconds, at its next change or tick.
 */
@Component
public class OutputFeed {
    static final String LEASE = "outputs-leader";

    private final SourcesTold told;
    private final OutputQueues queues;
    private final Staleness staleness;
    private final Clock clock;
    private final FleetLease lease;

    OutputFeed(OutputQueues queues, SourcesTold told, RefreshSchedule schedule, Clock clock, StateRepository state) {
        this.queues = queues;
        this.told = told;
        this.staleness = schedule.staleness();
        this.clock = clock;
        this.lease = new FleetLease(state, LEASE, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    /** Whether this instance pushes now: always alone; in the shared mode while it holds the lease. */
    boolean pushes() {
        return lease.holds();
    }

    /** One change of a source, as the history reported it on (route {@code output-events}). */
    void reported(SourceReported report) {
        SourceChanged change = report.change();
        SourceState current = change.current();
        boolean stale = !current.hasData() || staleness.isStale(current, clock.instant());
        Told now = told.report(report, stale);
        if (now.sequence() != change.sequence() || !now.state().equals(current)) {
            return; // an older change, arriving after a newer one
        }
        if (!current.hasData() || change.cause() == SourceChanged.Cause.RESTORED) {
            // Kept for the outputs that announce sources without a count (started since, repeats);
            // not pushed as a change: a count forgotten or a failure before the first is no news, and
            // the state found at start-up reaches each output as it starts (the tick's catch-up).
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

    /** A count turned stale by age (the store's clock): pushed, unless a newer change came first. */
    void turnedStale(SourceTurnedStale stale) {
        Told turned = told.turnedStale(stale);
        if (turned != null) {
            push(turned);
        }
    }

    /** A source's history changed: its growth or next milestone may have, and the body with them. */
    void historyChanged(HistoryChanged changed) {
        Told last = told.historyChanged(changed);
        if (last != null && last.count() != null) {
            push(last);
        }
    }

    /**
     * The lease, and pushes owed (route {@code output-tick}): the dead-lettered ones to send again,
     * every current state to an output started or changed since the last tick, and the repeats of
     * outputs that repeat.
     */
    void tick() {
        lease.claim();
        if (lease.holds()) {
            queues.retryLater();
            queues.catchUp(
                    told.all().stream()
                            .map(last -> new Delivery(last.state(), last.stale(), null))
                            .toList(),
                    clock.instant());
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
