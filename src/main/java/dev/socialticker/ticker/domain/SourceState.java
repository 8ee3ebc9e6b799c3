package dev.socialticker.ticker.domain;

import java.time.Instant;

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

    /**
     * When this state last changed: its latest refresh's outcome (the failure's time, or the
     * snapshot's). Orders the copies of a fleet: the newer one wins.
     */
    public Instant changedAt() {
        Instant at = snapshot != null ? snapshot.refreshedAt() : Instant.EPOCH;
        return failure != null && failure.at().isAfter(at) ? failure.at() : at;
    }
}
