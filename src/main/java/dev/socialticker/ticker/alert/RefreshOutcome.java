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

    /** The outcome of the refresh that made this change; empty for a change no refresh here made. */
    static Optional<RefreshOutcome> of(SourceChanged change) {
        if (change.cause() != SourceChanged.Cause.REFRESH || change.took() == null) {
            return Optional.empty();
        }
        Failure failure = change.current().failure();
        if (failure != null) {
            return Optional.of(new RefreshOutcome(change.source(), failure.code(), change.took(), null, failure.at()));
        }
        return Optional.of(new RefreshOutcome(change.source(), null, change.took(),
                change.current().snapshot().quota(), change.current().snapshot().refreshedAt()));
    }

    boolean succeeded() {
        return failure == null;
    }
}
