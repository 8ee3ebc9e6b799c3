package dev.socialticker.ticker.store;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ETAG;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.RAW_TOTAL;

import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Reads a provider's answer into the snapshot to store, validating the count first; a count that is
 * not usable is rejected before anything is written.
 */
@Component
class SnapshotFactory {
    private final Clock clock;

    SnapshotFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * The new snapshot as a function of the stored one: a new count replaces it; "not modified"
     * re-stamps it, which is only possible while one is stored (it is read in the same atomic write).
     */
    UnaryOperator<Snapshot> readingOf(Message answer, TickerSource source) {
        QuotaUsage quota = answer.getHeader(QUOTA, QuotaUsage.class);
        String etag = answer.getHeader(ETAG, String.class);
        Instant now = clock.instant();
        if (answer.getHeader(NOT_MODIFIED, false, Boolean.class)) {
            // The upstream confirmed the stored reading: same count, checked now.
            return previous -> {
                if (previous == null) {
                    throw new PayloadRejectedException(
                            "the provider answered 'not modified' but no earlier count is stored");
                }
                return new Snapshot(
                        previous.total(),
                        previous.profile(),
                        now,
                        quota != null ? quota : previous.quota(),
                        etag != null ? etag : previous.etag());
            };
        }
        long total = FollowerCountValidator.coerce(answer.getHeader(RAW_TOTAL));
        String profile = FollowerCountValidator.profileOr(answer.getHeader(PROFILE), source.account());
        Snapshot next = new Snapshot(total, profile, now, quota, etag);
        return previous -> next;
    }
}
