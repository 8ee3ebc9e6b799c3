package dev.socialticker.ticker.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one rule for when a source's data is stale: it has no count yet, its latest refresh failed,
 * or its count is older than stale-after ({@code ticker.refresh.stale-after}, two refresh periods
 * by default). The API's {@code stale} flag and {@code staleAt}, its cache lifetimes, the alert
 * rule {@code data-age} and the metrics all read it from here, so they can never disagree.
 */
public record Staleness(Duration staleAfter) {

    public Staleness {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after must be greater than 0, not " + staleAfter);
        }
    }

    /** When a count turns stale by age alone; it moves only when the count is refreshed. */
    public Instant staleAt(Snapshot snapshot) {
        return snapshot.refreshedAt().plus(staleAfter);
    }

    /** Until when the state is fresh; null when it is stale now. */
    public Instant freshUntil(SourceState state, Instant now) {
        if (!state.hasData() || state.failure() != null) {
            return null;
        }
        Instant until = staleAt(state.snapshot());
        return now.isBefore(until) ? until : null;
    }

    public boolean isStale(SourceState state, Instant now) {
        return freshUntil(state, now) == null;
    }

    /** How old the count is now; null before the first count. */
    public Duration age(Snapshot snapshot, Instant now) {
        return snapshot == null ? null : Duration.between(snapshot.refreshedAt(), now);
    }
}
