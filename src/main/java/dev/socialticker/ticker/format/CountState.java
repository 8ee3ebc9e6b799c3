package dev.socialticker.ticker.format;

/** How far a count shown can be trusted: what colours a badge and marks a device's app stale. */
public enum CountState {
    /** Read within stale-after, and the latest refresh succeeded. */
    FRESH,
    /** The last good count, read longer ago than stale-after. */
    STALE,
    /** The last good count, but the latest refresh failed. */
    FAILING,
    /** Nothing has been read yet (or every refresh failed): there is no count to show. */
    NO_COUNT
}
