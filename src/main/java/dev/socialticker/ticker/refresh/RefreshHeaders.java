package dev.socialticker.ticker.refresh;

/** Headers other features set to ask for a refresh. */
public final class RefreshHeaders {
    /** The sources a stale read asks to refresh (a list of sources), wire-tapped to {@code direct:refresh-stale}. */
    public static final String STALE_SOURCES = "TickerStaleSources";

    private RefreshHeaders() {
    }
}
