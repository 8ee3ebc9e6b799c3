package dev.socialticker.ticker.store;

import java.time.Duration;

/**
 * The store's endpoints, named once here: the routes that write refresh outcomes, the invalidation,
 * the Caffeine cache, and the store's clock. Every write is published on the hub
 * ({@code event.EventEndpoints#HUB}).
 */
public final class StoreEndpoints {
    /** A refresh's result headers in, a validated snapshot stored (route {@code store-snapshot}). */
    public static final String STORE_SNAPSHOT = "direct:store-snapshot";
    /** A refresh's failure in, recorded beside the last good snapshot (route {@code store-failure}). */
    public static final String STORE_FAILURE = "direct:store-failure";
    /**
     * Forget one source (header {@code TickerSourceId}) or all: route {@code invalidate-cache}.
     * Header {@link #CAUSE} says who asks: an operator (the default) or the fleet.
     */
    public static final String INVALIDATE = "direct:invalidate-cache";
    /** The camel-caffeine endpoint of the cache of source states (its bean, by name). */
    public static final String CACHE = "caffeine-cache:" + SnapshotStore.CACHE_NAME;
    /**
     * The fleet's copies of sources' states in (a {@code List<FleetCopy>}), each brought into step
     * with this instance's (route {@code store-reconcile}): the newer wins; a change is published as
     * cause FLEET, a newer local copy written back.
     */
    public static final String RECONCILE = "direct:store-reconcile";

    /**
     * The store's clock (route {@code store-clock}): publishes the counts that turned stale by age
     * since its last tick, and at its first the state found at start-up ({@code StaleClock}).
     */
    public static final String CLOCK = "direct:store-clock";
    /**
     * How often the clock looks: a push or an alert about a count turned stale is at most this late.
     * The API's own answers are never late: a read computes staleness when it renders.
     */
    public static final Duration CLOCK_PERIOD = Duration.ofSeconds(1);

    static final String CLOCK_TIMER = "timer:store-clock?delay=0&period=" + CLOCK_PERIOD.toMillis();

    /** Header of {@link #INVALIDATE}: a {@code SourceChanged.Cause}, INVALIDATED unless said. */
    public static final String CAUSE = "TickerChangeCause";

    private StoreEndpoints() {}
}
