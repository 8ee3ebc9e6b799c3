package dev.socialticker.ticker.store;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Domain metrics for Prometheus: {@code ticker_followers}, {@code ticker_data_age_seconds} (both per
 * source; NaN before the first success), {@code ticker_refreshes_total} and the histogram
 * {@code ticker_refresh_duration_seconds}, both by source and outcome.
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

    /**
     * One finished refresh: counted, and its duration (retries included) in a histogram, both by
     * source and outcome ({@code success} or a failure code, lower case).
     */
    void recordOutcome(String sourceId, String outcome, Duration took) {
        String tag = outcome.toLowerCase(Locale.ROOT);
        Counter.builder("ticker.refreshes").tag("source", sourceId).tag("outcome", tag)
                .description("Finished refreshes by outcome (success or a failure code)")
                .register(registry).increment();
        Timer.builder("ticker.refresh.duration").tag("source", sourceId).tag("outcome", tag)
                .description("Duration of finished refreshes, retries included")
                // Buckets from 50 ms to the longest a refresh may take (give-up-after, 30 s by default).
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(took);
    }
}
