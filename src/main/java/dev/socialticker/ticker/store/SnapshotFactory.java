package dev.socialticker.ticker.store;

import static dev.socialticker.ticker.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.TickerHeaders.ETAG;
import static dev.socialticker.ticker.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.TickerHeaders.PROVIDER;
import static dev.socialticker.ticker.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.TickerHeaders.RAW_TOTAL;
import static dev.socialticker.ticker.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.config.TickerSource;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Builds the state to store from a provider's answer; rejects it when the count is not usable. */
@Component
class SnapshotFactory {
    private final Clock clock;
    private final SnapshotStore store;

    SnapshotFactory(Clock clock, SnapshotStore store) {
        this.clock = clock;
        this.store = store;
    }

    SourceState fromProviderAnswer(Exchange exchange) {
        Message in = exchange.getIn();
        TickerSource source = sourceOf(in);
        QuotaUsage quota = in.getHeader(QUOTA, QuotaUsage.class);
        String etag = in.getHeader(ETAG, String.class);
        if (in.getHeader(NOT_MODIFIED, false, Boolean.class)) {
            // The upstream confirmed the stored reading: same count, checked now.
            Snapshot previous = store.stateOf(source).snapshot();
            if (previous == null) {
                throw new PayloadRejectedException("the provider answered 'not modified' but no earlier count is stored");
            }
            return SourceState.empty(source).withSnapshot(new Snapshot(previous.total(), previous.profile(),
                    clock.instant(), quota != null ? quota : previous.quota(), etag != null ? etag : previous.etag()));
        }
        long total = FollowerCountValidator.coerce(in.getHeader(RAW_TOTAL));
        String profile = FollowerCountValidator.profileOr(in.getHeader(PROFILE), source.account());
        return SourceState.empty(source).withSnapshot(new Snapshot(total, profile, clock.instant(), quota, etag));
    }

    static TickerSource sourceOf(Message in) {
        return new TickerSource(in.getHeader(SOURCE_ID, String.class), in.getHeader(PROVIDER, String.class),
                in.getHeader(ACCOUNT, String.class));
    }
}
