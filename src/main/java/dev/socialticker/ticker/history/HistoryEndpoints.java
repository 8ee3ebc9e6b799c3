package dev.socialticker.ticker.history;

/** The history's endpoints, named once here. */
public final class HistoryEndpoints {
    /**
     * A {@link MilestoneReached}, once per milestone and source for ever (and once for a fleet: only
     * the instance that read the count records it). The alerts subscribe and celebrate.
     */
    public static final String MILESTONES = "seda:history-milestones?size=1000&blockWhenFull=true&offerTimeout=1000";

    /** Drops readings and hours past their retention, on a timer (route {@code history-compact}). */
    public static final String COMPACT = "direct:history-compact";

    static String compactTimer(long periodMillis) {
        return "timer:history-compact?delay=" + periodMillis + "&period=" + periodMillis;
    }

    private HistoryEndpoints() {}
}
