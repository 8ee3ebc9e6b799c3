package dev.socialticker.ticker.store;

import static dev.socialticker.ticker.TickerHeaders.ACCOUNT;
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

    SnapshotFactory(Clock clock) {
        this.clock = clock;
    }

    SourceState fromProviderAnswer(Exchange exchange) {
        Message in = exchange.getIn();
        TickerSource source = sourceOf(in);
        long total = FollowerCountValidator.coerce(in.getHeader(RAW_TOTAL));
        String profile = FollowerCountValidator.profileOr(in.getHeader(PROFILE), source.account());
        QuotaUsage quota = in.getHeader(QUOTA, QuotaUsage.class);
        return SourceState.empty(source).withSnapshot(new Snapshot(total, profile, clock.instant(), quota));
    }

    static TickerSource sourceOf(Message in) {
        return new TickerSource(in.getHeader(SOURCE_ID, String.class), in.getHeader(PROVIDER, String.class),
                in.getHeader(ACCOUNT, String.class));
    }
}
