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
 * {@code ticker_refresh_duration_seconds}, both by source and outcome, and
 * {@code ticker_provider_quota_ratio} by source and kind of limit.
 */
@Component
class RefreshMeters {
    private final MeterRegistry registry;
    private final SnapshotStore store;

    RefreshMeters(MeterRegistry registry, SourceCatalog catalog, SnapshotStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
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
    /**
     * One gauge per kind of limit the source's upstream reports (0-1, NaN once it stops saying),
     * registered the first time a stored answer names the kind: which kinds exist depends on the
     * provider, and a gauge of a kind it never reports would only be noise.
     */
    void watchQuota(TickerSource source) {
        Snapshot snapshot = store.stateOf(source).snapshot();
        if (snapshot == null || snapshot.quota() == null) {
            return;
        }
        for (String kind : snapshot.quota().usedPercentByKind().keySet()) {
            // Registering again returns the gauge already there.
            Gauge.builder("ticker.provider.quota.ratio", () -> quotaRatio(source, kind))
                    .tag("source", source.id()).tag("kind", kind)
                    .description("Share of the upstream's limit already used (0-1), from its usage headers")
                    .register(registry);
        }
    }

    private double quotaRatio(TickerSource source, String kind) {
        Snapshot snapshot = store.stateOf(source).snapshot();
        Integer percent = snapshot == null || snapshot.quota() == null ? null
                : snapshot.quota().usedPercentByKind().get(kind);
        return percent == null ? Double.NaN : percent / 100.0;
    }

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
