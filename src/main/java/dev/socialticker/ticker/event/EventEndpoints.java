package dev.socialticker.ticker.event;

/** The hub, named once here. */
public final class EventEndpoints {
    /**
     * Every {@code domain.TickerEvent}, published through {@link TickerEvents}. Publish-subscribe
     * (each subscriber's route gets every event, and takes the kinds it wants) and asynchronous: a
     * publisher never waits for a subscriber, and a subscriber never runs on a refresh thread.
     * Bounded: when the slowest subscriber is {@value #CAPACITY} events behind, a publisher waits up
     * to {@value #PATIENCE_MILLIS} ms for room (back-pressure), and an event that still does not fit
     * is counted and logged ({@link TickerEvents}), never lost silently. A subscriber that may be
     * slow hands over to a queue of its own.
     */
    public static final String HUB = "seda:ticker-events?multipleConsumers=true&size=" + EventEndpoints.CAPACITY
            + "&blockWhenFull=true&offerTimeout=" + EventEndpoints.PATIENCE_MILLIS;

    static final int CAPACITY = 10_000;
    static final long PATIENCE_MILLIS = 1_000;

    private EventEndpoints() {}
}
