package dev.socialticker.ticker.store;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Domain metrics for Prometheus: {@code ticker_followers}, {@code ticker_data_age_seconds} (both per
 * source; NaN before the first success) and {@code ticker_refreshes_total} by source and outcome.
 */
@Component
class RefreshMeters {
    private final MeterRegistry registry;

    RefreshMeters(MeterRegistry registry, SourceCatalog catalog, SnapshotStore store, Clock clock) {
        this.registry = registry;
        for (TickerSource source : catalog.all()) {
            Gauge.builder("ticker.followers", () -> {
                        Snapshot snapshot = store.stateOf(source).snapshot();
                        return snapshot == null ? Double.NaN : snapshot.total();
                    })
                    .tag("source", source.id()).tag("provider", source.provider())
                    .description("Latest good follower count").register(registry);
            Gauge.builder("ticker.data.age", () -> {
                        Snapshot snapshot = store.stateOf(source).snapshot();
                        return snapshot == null ? Double.NaN
                                : Duration.between(snapshot.refreshedAt(), clock.instant()).toMillis() / 1000.0;
                    })
                    .baseUnit("seconds").tag("source", source.id()).tag("provider", source.provider())
                    .description("Age of the latest good follower count").register(registry);
        }
    }

    void recordOutcome(String sourceId, String outcome) {
        Counter.builder("ticker.refreshes").tag("source", sourceId).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .description("Finished refreshes by outcome (success or a failure code)")
                .register(registry).increment();
    }
}
