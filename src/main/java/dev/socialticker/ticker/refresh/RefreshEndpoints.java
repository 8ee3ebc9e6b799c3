package dev.socialticker.ticker.refresh;

/** The refresh routes' endpoints, named once here. */
public final class RefreshEndpoints {
    /**
     * Refreshes the sources in the body (a list), each on a refresh thread, and returns when all
     * have ended; callers that must not wait (timer, admin) wire-tap it.
     */
    public static final String REFRESH_SOURCES = "direct:refresh-sources";
    /**
     * Where a stale read asks for a refresh (its exchange property
     * {@link RefreshHeaders#STALE_SOURCES}): a queue of one that drops what does not fit, and a
     * sender that never waits ({@link RefreshDemand}).
     */
    public static final String REFRESH_WANTED =
            "seda:refresh-wanted?size=1&discardWhenFull=true&waitForTaskToComplete=Never";

    static final String REFRESH_SOURCE = "direct:refresh-source";
    static final String REFRESH_ATTEMPT = "direct:refresh-attempt";
    /** The refresh's dead-letter channel: classifies and records a failure. */
    static final String RECORD_FAILURE = "direct:record-failure";

    private RefreshEndpoints() {}

    /** The timer of scheduled refreshes. */
    static String timer(long periodMillis, long delayMillis) {
        return "timer:refresh?period=" + periodMillis + "&delay=" + delayMillis;
    }
}
