package dev.socialticker.ticker.refresh;

/** Headers and exchange properties that say who asks for a refresh. */
public final class RefreshHeaders {
    /**
     * Exchange property: the stale sources a read asks to refresh (a list of sources), sent to
     * {@link RefreshEndpoints#REFRESH_WANTED}. A property, not a header: it never reaches the HTTP answer.
     */
    public static final String STALE_SOURCES = "TickerStaleSources";

    /**
     * Exchange property marking the timer's own refreshes, which the gates treat as scheduled (see
     * {@link RefreshGate}, {@link FleetGate}).
     */
    public static final String SCHEDULED = "TickerScheduled";

    private RefreshHeaders() {}
}
