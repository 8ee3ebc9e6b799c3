package dev.socialticker.ticker.store;

import dev.socialticker.ticker.config.TickerSource;

/**
 * What the service knows about one source: its last good snapshot (null before the first success)
 * and the failure of its latest refresh (null when the latest refresh succeeded). A failure is
 * recorded beside the snapshot and never replaces it.
 */
public record SourceState(TickerSource source, Snapshot snapshot, Failure failure) {

    public static SourceState empty(TickerSource source) {
        return new SourceState(source, null, null);
    }

    public SourceState withSnapshot(Snapshot next) {
        return new SourceState(source, next, null);
    }

    public SourceState withFailure(Failure next) {
        return new SourceState(source, snapshot, next);
    }

    public boolean hasData() {
        return snapshot != null;
    }
}
