package dev.socialticker.ticker.history;

/** The history's endpoints, named once here. */
public final class HistoryEndpoints {
    /** Drops readings and hours past their retention, on a timer (route {@code history-compact}). */
    public static final String COMPACT = "direct:history-compact";

    static String compactTimer(long periodMillis) {
        return "timer:history-compact?delay=" + periodMillis + "&period=" + periodMillis;
    }

    private HistoryEndpoints() {}
}
