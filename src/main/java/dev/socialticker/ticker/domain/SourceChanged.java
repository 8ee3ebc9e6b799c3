package dev.socialticker.ticker.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One change of one source's state, published by the store after every write of it, and once for
 * every source at start-up ({@link Cause#RESTORED}), on the hub ({@link TickerEvent}). The fleet,
 * the alerts and the history keep what they need of it; the view and the outputs keep it as the
 * history reports it on, with its growth ({@link SourceReported}). None of them is called by the
 * store, and none asks the store back.
 *
 * @param previous the state before (empty before the first count)
 * @param current  the state now (empty after an invalidation)
 * @param cause    what wrote it
 * @param took     for {@link Cause#REFRESH}: the whole refresh, retries included; for {@link Cause#FLEET}
 *                 the same, as the instance that refreshed told it (null when it did not); otherwise null
 * @param sequence the store's version after this change: a later change of the same store has a
 *                 greater one. Subscribers receive changes on several threads, so two changes of
 *                 one source can arrive out of order; one that must judge them in order (the
 *                 alerts) keeps the newest and drops an older one that arrives after it.
 */
public record SourceChanged(SourceState previous, SourceState current, Cause cause, Duration took, long sequence)
        implements TickerEvent {

    /** A change not numbered yet: the store numbers it as it publishes it. */
    public SourceChanged(SourceState previous, SourceState current, Cause cause, Duration took) {
        this(previous, current, cause, took, 0);
    }

    public SourceChanged numbered(long sequence) {
        return new SourceChanged(previous, current, cause, took, sequence);
    }

    public enum Cause {
        /** A refresh on this instance stored a count or recorded a failure. */
        REFRESH,
        /** Another instance of the fleet wrote it; this instance's copy follows. */
        FLEET,
        /** An operator forgot the source's data (admin API). */
        INVALIDATED,
        /** The provider's route was replaced: its entity tag was dropped, the count kept. */
        ROUTE_REPLACED,
        /**
         * The state as the store found it at start-up (read back from its files or the fleet's Redis,
         * or empty): no write, the starting point of every subscriber's read model.
         */
        RESTORED
    }

    public SourceChanged {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(cause, "cause");
    }

    public TickerSource source() {
        return current.source();
    }

    /**
     * True when this instance's own work made the change: not a copy learnt from the fleet, nor the
     * state found at start-up.
     */
    public boolean local() {
        return cause != Cause.FLEET && cause != Cause.RESTORED;
    }

    @Override
    public String subject() {
        return "source " + source().id() + " (" + cause + ")";
    }
}
