package dev.socialticker.ticker.refresh;

import java.time.Instant;

/**
 * The part of the {@link RefreshGate} that spans a fleet ({@code ticker.store.type=redis}): whether
 * this instance may call a source's upstream now, given what the other instances are doing and have
 * done. A single instance has no fleet: {@link #LOCAL} admits everything the local gate admits.
 */
public interface FleetGate {

    /** The right, held by one instance of the fleet at a time, to refresh one source now. */
    interface Claim {
        /** The refresh ended; another instance may claim the source once its window allows. */
        void release();
    }

    /** The claim of an instance that is not part of a fleet, or cannot reach it. */
    Claim UNSHARED = () -> {};

    FleetGate LOCAL = new FleetGate() {
        @Override
        public Claim tryClaim(String sourceId, boolean scheduled) {
            return UNSHARED;
        }

        @Override
        public void deferUntil(String sourceId, Instant until) {
            // the local gate's deferral is all there is
        }
    };

    /**
     * Claims the source for a refresh by this instance.
     *
     * @param scheduled true for a timer tick: the fleet then refreshes no more often than one
     *                  instance's timer would
     * @return the claim, or null when another instance is refreshing the source, has refreshed it
     *         too recently, or the upstream asked the fleet to wait
     */
    Claim tryClaim(String sourceId, boolean scheduled);

    /** No instance calls the source's upstream before {@code until}. */
    void deferUntil(String sourceId, Instant until);
}
