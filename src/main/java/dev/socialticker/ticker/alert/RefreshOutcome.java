package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one refresh ended with, as the alert rules judge it: read from the change the refresh
 * stored.
 *
 * @param failure  null for a success
 * @param duration the whole refresh, retries included
 * @param quota    what the upstream reported with a success; null when it did not say
 */
record RefreshOutcome(TickerSource source, FailureCode failure, Duration duration, QuotaUsage quota, Instant at) {

    /**
     * The outcome of the refresh that made this change: here, or on another instance of the fleet
     * that said how long it took; empty for a change no refresh made (an invalidation, a resync).
     */
    static Optional<RefreshOutcome> of(SourceChanged change) {
        boolean refreshed =
                change.cause() == SourceChanged.Cause.REFRESH || change.cause() == SourceChanged.Cause.FLEET;
        if (!refreshed
                || change.took() == null
                || (!change.current().hasData() && change.current().failure() == null)) {
            return Optional.empty();
        }
        Failure failure = change.current().failure();
        if (failure != null) {
            return Optional.of(new RefreshOutcome(change.source(), failure.code(), change.took(), null, failure.at()));
        }
        return Optional.of(new RefreshOutcome(
                change.source(),
                null,
                change.took(),
                change.current().snapshot().quota(),
                change.current().snapshot().refreshedAt()));
    }

    boolean succeeded() {
        return failure == null;
    }
}
