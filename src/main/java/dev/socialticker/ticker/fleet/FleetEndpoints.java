package dev.socialticker.ticker.fleet;

/** The shared mode's endpoints, named once here; none is meant for another package. */
final class FleetEndpoints {
    /** A change message of another instance, as read from the Redis channel. */
    static final String CHANGE = "direct:fleet-change";
    /**
     * This instance's own changes, on their way to the Redis channel: a queue of their own, so a
     * slow Redis never holds up the hub's other subscribers. A message that does
     * not fit is dropped: the other instances' resync covers it within {@link FleetRoutes#RESYNC_MILLIS}.
     */
    static final String ANNOUNCE = "seda:fleet-announce?size=1000&discardWhenFull=true";

    private FleetEndpoints() {}

    /** The timer that compares this instance's copy with the shared one. */
    static String resyncTimer(long periodMillis) {
        return "timer:fleet-resync?period=" + periodMillis + "&delay=0";
    }
}
