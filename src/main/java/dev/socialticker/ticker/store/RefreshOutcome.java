package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;

/**
 * What one refresh ended with, announced on {@value #ENDPOINT} after its outcome is stored, for
 * whoever watches refreshes (the alert routes) without slowing them.
 *
 * @param failure  null for a success
 * @param duration the whole refresh, retries included
 * @param quota    what the upstream reported with a success; null when it did not say
 */
public record RefreshOutcome(TickerSource source, FailureCode failure, Duration duration, QuotaUsage quota,
        Instant at) {
    /** A queue: watchers run on its consumer's thread, never on the refresh's. */
    public static final String ENDPOINT = "seda:refresh-outcomes";

    public boolean succeeded() {
        return failure == null;
    }
}
