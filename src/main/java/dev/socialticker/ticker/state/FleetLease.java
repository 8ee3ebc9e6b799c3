package dev.socialticker.ticker.state;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet-wide turn held through {@link StateRepository#holdLease}: alone, this instance always holds
 * it; in the shared mode one instance of the fleet at a time, taken by whichever asks first while it
 * is free, renewed by asking again before it expires ({@code renewBefore} ahead, so a renewal never
 * lands after another instance took it), given up when the instance stops, lost when it dies.
 */
public final class FleetLease {
    private static final Logger log = LoggerFactory.getLogger(FleetLease.class);

    private final StateRepository state;
    private final String name;
    private final Duration lease;
    private final Duration renewBefore;
    private final String me = UUID.randomUUID().toString();
    private long heldUntilNanos;
    private boolean held;
    /** Given up for good: the instance is stopping, and its timers may still tick until they stop. */
    private boolean released;

    public FleetLease(StateRepository state, String name, Duration lease, Duration renewBefore) {
        this.state = state;
        this.name = name;
        this.lease = lease;
        this.renewBefore = renewBefore;
    }

    /** True while this instance holds the turn, as far as it can tell without asking Redis. */
    public synchronized boolean holds() {
        return !state.shared() || (held && System.nanoTime() - heldUntilNanos < 0);
    }

    /** Holds the turn now: without a call while it is held, else one claim. */
    public boolean turn() {
        return holds() || claim();
    }

    /** Takes or renews the turn (one Redis call in the shared mode). */
    public synchronized boolean claim() {
        if (!state.shared()) {
            return true;
        }
        if (released) {
            // A stopping instance that took the turn back after handing it over (its alert check
            // still ticked) would hold it, dead, until the lease ran out: no instance spoke meanwhile.
            return false;
        }
        boolean before = held;
        long asked = System.nanoTime();
        try {
            held = state.holdLease(name, me, lease);
        } catch (IOException unreachable) {
            held = false; // Redis says why, once (RedisLink)
        }
        if (held) {
            heldUntilNanos = asked + lease.minus(renewBefore).toNanos();
        }
        if (held != before) {
            log.info(
                    held ? "This instance holds the lease {} now" : "This instance no longer holds the lease {}", name);
        }
        return held;
    }

    /** What a claim found: whether this instance holds the turn, and whether this very claim took it. */
    public record Claim(boolean held, boolean taken) {}

    /**
     * Takes or renews the turn, saying whether it was taken just now (it was not held before): the
     * new holder may have to read what the one before it decided. Alone, it is held and never taken.
     */
    public synchronized Claim claimTurn() {
        if (!state.shared()) {
            return new Claim(true, false);
        }
        boolean before = held;
        boolean now = claim();
        return new Claim(now, now && !before);
    }

    /** A stopping instance hands over at once, and never claims again. */
    public synchronized void release() {
        released = true;
        if (!state.shared() || !held) {
            return;
        }
        held = false;
        try {
            state.releaseLease(name, me);
            log.info("This instance gives up the lease {}: another one takes over", name);
        } catch (IOException unreachable) {
            // it expires by itself
        }
    }
}
