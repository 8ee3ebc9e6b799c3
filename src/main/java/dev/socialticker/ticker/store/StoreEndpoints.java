package dev.socialticker.ticker.store;

/**
 * The store's endpoints, named once here: the routes that write refresh outcomes, the invalidation,
 * the Caffeine cache, and the one publish-subscribe endpoint on which every write is announced.
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
     * Every write of the store is published here as one {@code domain.SourceChanged}, after it is
     * made. Publish-subscribe (each subscriber's route gets every event) and asynchronous: a store
     * never waits for a subscriber, and a subscriber never runs on a refresh thread. Bounded: a
     * subscriber that falls 10,000 events behind makes publishing wait up to a second, then drop
     * (logged). Subscribers that may be slow hand over to a queue of their own.
     */
    public static final String SOURCE_CHANGED =
            "seda:source-changed?multipleConsumers=true&size=10000&blockWhenFull=true&offerTimeout=1000";

    /** Header of {@link #INVALIDATE}: a {@code SourceChanged.Cause}, INVALIDATED unless said. */
    public static final String CAUSE = "TickerChangeCause";

    private StoreEndpoints() {}
}
