package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.state.FleetLease;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Duration;

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

    /** What a claim found. */
    enum Turn {
        /** This instance speaks, and did already. */
        SPEAKS,
        /** This instance speaks from now on: what the one before decided must be read first. */
        TAKEN,
        /** Another instance speaks, or nobody can now. */
        SILENT
    }

    private final FleetLease lease;

    /** @param checkPeriod how often the lease is renewed; it lasts three periods */
    AlertSpeaker(StateRepository state, Duration checkPeriod) {
        this.lease = new FleetLease(state, LEASE, checkPeriod.multipliedBy(3), checkPeriod);
    }

    /** True while this instance holds the turn, as far as it can tell without asking Redis. */
    boolean speaks() {
        return lease.holds();
    }

    /** Takes or renews the turn (one Redis call in the shared mode). */
    Turn claim() {
        FleetLease.Claim claim = lease.claimTurn();
        return !claim.held() ? Turn.SILENT : claim.taken() ? Turn.TAKEN : Turn.SPEAKS;
    }

    /** Speaks now, claiming the turn only when it does not hold it (a change on a follower asks Redis once). */
    Turn turn() {
        return speaks() ? Turn.SPEAKS : claim();
    }

    /** A stopping instance hands over at once; while the connection still runs (see ChangeListener). */
    @WhenTheServiceStops
    void release() {
        lease.release();
    }
}
