package dev.socialticker.ticker.alert;

/** The alert routes' endpoints, named once here. */
public final class AlertEndpoints {
    /** Judges what time alone changes: data age, token expiry, reminders, incidents that are over. */
    public static final String CHECK = "direct:alert-check";
    /** Decided messages wait here for delivery, off the threads that judge. */
    static final String DELIVERIES = "seda:alert-deliveries?size=1000&discardWhenFull=true";

    private AlertEndpoints() {}

    /** The timer of {@link #CHECK}: first a few seconds after start, then every {@code periodMillis}. */
    static String checkTimer(long periodMillis) {
        return "timer:alert-check?period=" + periodMillis + "&delay=5000";
    }
}
