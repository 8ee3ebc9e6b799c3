package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.store.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a source may be fetched now: at most one refresh in flight per source
 * (single-flight), none sooner than {@code ticker.refresh.min-interval} after the last one started,
 * and none before a moment the upstream asked us to wait for (Retry-After, quota regain time).
 * Every trigger — timer, stale read, admin — passes through here. In the shared mode the
 * {@link FleetGate} then has the last word, so the same holds across every instance.
 *
 * <p>Written by hand because it is a few lines over {@link ConcurrentHashMap#compute}: the state of
 * each source changes atomically, without locks on the read path.
 */
@Component
public class RefreshGate {
    /** {@code claim}: the fleet's, held while in flight. */
    private record Slot(boolean inFlight, Instant lastStart, Instant notBefore, FleetGate.Claim claim) {
        static final Slot IDLE = new Slot(false, null, null, null);
    }

    private static final Logger log = LoggerFactory.getLogger(RefreshGate.class);

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Duration minInterval;
    /**
     * How early a timer tick may land ({@link RefreshSchedule#timerSlack()}). The timer fires one
     * period after its previous firing, but the gate records each start a few milliseconds after
     * the firing; without this a period equal to min-interval would skip every other tick. Reads
     * and admin calls get no slack: for them min-interval is exact.
     */
    private final Duration slack;

    private final Clock clock;
    private final FleetGate fleet;

    @Autowired
    RefreshGate(
            RefreshSchedule schedule,
            Clock clock,
            ObjectProvider<FleetGate> fleet,
            SnapshotStore store,
            SourceCatalog catalog) {
        this(schedule, clock, fleet.getIfAvailable(() -> FleetGate.LOCAL));
        honourStoredWaits(store.statesOf(catalog.all()));
    }

    RefreshGate(RefreshSchedule schedule, Clock clock, FleetGate fleet) {
        this.fleet = fleet;
        this.minInterval = schedule.minInterval();
        this.slack = schedule.timerSlack();
        this.clock = clock;
    }

    /**
     * Claims the source for one refresh; false when another is in flight or it is too soon.
     *
     * @param scheduled true for the timer's ticks, which may land a hair early (see {@code slack})
     */
    boolean tryAcquire(String sourceId, boolean scheduled) {
        Instant now = clock.instant();
        boolean[] acquired = {false};
        slots.compute(sourceId, (id, slot) -> {
            Slot current = slot == null ? Slot.IDLE : slot;
            if (!admits(current, now, scheduled ? slack : Duration.ZERO)) {
                return current;
            }
            acquired[0] = true;
            return new Slot(true, now, current.notBefore(), null);
        });
        if (!acquired[0]) {
            return false;
        }
        // Asked outside the map's atomic step: in the shared mode this is a call to Redis. A refusal
        // still counts as this instance's start for min-interval: however many stale reads arrive,
        // an instance asks the fleet at most once per min-interval, and the holder's result
        // reaches it through the shared store meanwhile.
        FleetGate.Claim claim = fleet.tryClaim(sourceId, scheduled);
        if (claim == null) {
            release(sourceId);
            return false;
        }
        slots.computeIfPresent(
                sourceId, (id, slot) -> new Slot(slot.inFlight(), slot.lastStart(), slot.notBefore(), claim));
        return true;
    }

    void release(String sourceId) {
        FleetGate.Claim[] held = {null};
        slots.computeIfPresent(sourceId, (id, slot) -> {
            held[0] = slot.claim();
            return new Slot(false, slot.lastStart(), slot.notBefore(), null);
        });
        if (held[0] != null) {
            held[0].release();
        }
    }

    /**
     * The waits the upstreams asked for before a restart, read back from the stored failures (files,
     * Redis): a restarted instance must not call an upstream that said "come back in an hour" at once.
     * Only this instance's gate is seeded; in the shared mode the fleet keeps the wait in Redis anyway.
     */
    private void honourStoredWaits(List<SourceState> stored) {
        Instant now = clock.instant();
        for (SourceState state : stored) {
            Failure failure = state.failure();
            if (failure == null
                    || failure.retryAt() == null
                    || !failure.retryAt().isAfter(now)) {
                continue;
            }
            slots.put(state.source().id(), new Slot(false, null, failure.retryAt(), null));
            log.info(
                    "Source {}: its upstream asked not to be called before {} ({}); honoured across the restart",
                    state.source().id(),
                    failure.retryAt(),
                    failure.code());
        }
    }

    /** No refresh of the source before {@code until}, whoever asks (in the shared mode: on any instance). */
    void deferUntil(String sourceId, Instant until) {
        slots.compute(sourceId, (id, slot) -> {
            Slot current = slot == null ? Slot.IDLE : slot;
            return new Slot(current.inFlight(), current.lastStart(), until, current.claim());
        });
        fleet.deferUntil(sourceId, until);
    }

    /**
     * Whether a refresh would be admitted now, without claiming it: lets a trigger skip a source that
     * is not due before any work is made for it.
     */
    boolean wouldAdmit(String sourceId, boolean scheduled) {
        Slot slot = slots.get(sourceId);
        return slot == null || admits(slot, clock.instant(), scheduled ? slack : Duration.ZERO);
    }

    /** Whether a refresh of the source is running now. */
    public boolean inFlight(String sourceId) {
        Slot slot = slots.get(sourceId);
        return slot != null && slot.inFlight();
    }

    /** The earliest moment a refresh of the source can start (now when it could start now). */
    public Instant nextAttemptAt(String sourceId) {
        Instant now = clock.instant();
        Slot slot = slots.get(sourceId);
        if (slot == null) {
            return now;
        }
        Instant next = now;
        if (slot.lastStart() != null && slot.lastStart().plus(minInterval).isAfter(next)) {
            next = slot.lastStart().plus(minInterval);
        }
        if (slot.notBefore() != null && slot.notBefore().isAfter(next)) {
            next = slot.notBefore();
        }
        return next;
    }

    private boolean admits(Slot slot, Instant now, Duration slack) {
        if (slot.inFlight()) {
            return false;
        }
        if (slot.notBefore() != null && now.isBefore(slot.notBefore())) {
            return false;
        }
        return slot.lastStart() == null
                || !now.plus(slack).isBefore(slot.lastStart().plus(minInterval));
    }
}
