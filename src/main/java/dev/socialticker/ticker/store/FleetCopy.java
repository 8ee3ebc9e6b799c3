package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.util.Objects;

/**
 * The fleet's copy of a source's state, as another instance left it in the shared state, for
 * {@link StoreEndpoints#RECONCILE}: the newer of it and this instance's copy wins.
 *
 * @param shared the shared copy; null when the shared state holds none (a Redis that lost its data)
 * @param took   the duration of the refresh that stored it, when its message said; otherwise null
 */
public record FleetCopy(TickerSource source, SourceState shared, Duration took) {
    public FleetCopy {
        Objects.requireNonNull(source, "source");
    }
}
