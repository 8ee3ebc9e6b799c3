package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Which instance speaks: alone, this one, always. In the shared mode one instance of the fleet at a
 * time, so the fleet sends each message once as Alertmanager's cluster does (there by gossip, here by
 * a lease, as the fleet already has Redis): the holder of the lease
 * {@value #LEASE} in the state repository, taken by whichever instance asks first while it is free
 * and renewed at every alert check (every {@code check period}, for three periods). The speaker
 * judges every change (its own refreshes and those the fleet tells it of), keeps the incidents and
 * the outbox in Redis, and sends the messages; the others judge only to keep their streaks, so any of
 * them can take over where it stopped. A speaker that stops gives the lease up, and the next one takes
 * it at its next change or check; one that dies loses it when it expires.
 *
 * <p>Without Redis nobody can hold the lease: the fleet's alerts wait until it is back, when the
 * instance that takes the lease sends what the outbox still holds.
 */
class AlertSpeaker {
    static final String LEASE = "alerts-leader";
    private static final Logger log = LoggerFactory.getLogger(AlertSpeaker.class);

    /** What a claim found. */
    enum Turn {
        /** This instance speaks, and did already. */
        SPEAKS,
        /** This instance speaks from now on: what the one before decided must be read first. */
        TAKEN,
        /** Another instance speaks, or nobody can now. */
        SILENT
    }

    private final StateRepository state;
    private final Duration lease;
    /** Renewed this much before it expires: a renewal never lands after another instance took it. */
    private final Duration margin;

    private final String me = UUID.randomUUID().toString();
    private long heldUntilNanos;
    private boolean held;

    /** @param checkPeriod how often the lease is renewed; it lasts three periods */
    AlertSpeaker(StateRepository state, Duration checkPeriod) {
        this.state = state;
        this.lease = checkPeriod.multipliedBy(3);
        this.margin = checkPeriod;
        this.held = !state.shared();
    }

    /** True while this instance holds the turn, as far as it can tell without asking Redis. */
    synchronized boolean speaks() {
        return !state.shared() || (held && System.nanoTime() - heldUntilNanos < 0);
    }

    /** Takes or renews the turn (one Redis call in the shared mode). */
    synchronized Turn claim() {
        if (!state.shared()) {
            return Turn.SPEAKS;
        }
        boolean before = held;
        long asked = System.nanoTime();
        boolean holds;
        try {
            holds = state.holdLease(LEASE, me, lease);
        } catch (IOException unreachable) {
            holds = false; // Redis says why, once (RedisLink)
        }
        if (holds) {
            held = true;
            heldUntilNanos = asked + lease.minus(margin).toNanos();
            if (!before) {
                log.info("This instance speaks for the fleet's alerts now (lease {})", LEASE);
                return Turn.TAKEN;
            }
            return Turn.SPEAKS;
        }
        if (held) {
            log.info(
                    "This instance no longer speaks for the fleet's alerts: another one does, or Redis is unreachable");
        }
        held = false;
        return Turn.SILENT;
    }

    /** Speaks now, claiming the turn only when it does not hold it (a change on a follower asks Redis once). */
    Turn turn() {
        return speaks() ? Turn.SPEAKS : claim();
    }

    /** A stopping instance hands over at once; while the connection still runs (see ChangeListener). */
    @EventListener(ContextClosedEvent.class)
    synchronized void release() {
        if (!state.shared() || !held) {
            return;
        }
        held = false;
        try {
            state.releaseLease(LEASE, me);
            log.info("This instance stops speaking for the fleet's alerts: another one takes over");
        } catch (IOException unreachable) {
            // it expires by itself
        }
    }
}
