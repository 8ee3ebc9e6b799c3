package dev.socialticker.ticker.store;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Domain metrics for Prometheus: {@code ticker_followers}, {@code ticker_data_age_seconds} (both per
 * source; NaN before the first success), {@code ticker_refreshes_total} and the histogram
 * {@code ticker_refresh_duration_seconds}, both by source and outcome, and
 * {@code ticker_provider_quota_ratio} by source and kind of limit.
 */
@Component
class RefreshMeters {
    static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };
    private final MeterRegistry registry;
    private final SnapshotStore store;
    private final Set<String> quotaGauges = ConcurrentHashMap.newKeySet();
    private final Map<String, OutcomeMeters> outcomes = new ConcurrentHashMap<>();

    RefreshMeters(
            MeterRegistry registry, SourceCatalog catalog, SnapshotStore store, Staleness staleness, Clock clock) {
        this.registry = registry;
        this.store = store;
        for (TickerSource source : catalog.all()) {
            Gauge.builder("ticker.followers", () -> {
                        Snapshot snapshot = store.stateOf(source).snapshot();
                        return snapshot == null ? Double.NaN : snapshot.total();
                    })
                    .tag("source", source.id())
                    .tag("provider", source.provider())
                    .description("Latest good follower count")
                    .register(registry);
            Gauge.builder("ticker.data.age", () -> {
                        Snapshot snapshot = store.stateOf(source).snapshot();
                        return snapshot == null
                                ? Double.NaN
                                : staleness.age(snapshot, clock.instant()).toMillis() / 1000.0;
                    })
                    .baseUnit("seconds")
                    .tag("source", source.id())
                    .tag("provider", source.provider())
                    .description("Age of the latest good follower count")
                    .register(registry);
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
            // Once per source and kind: Micrometer warns about a gauge registered twice.
            if (quotaGauges.add(source.id() + '\n' + kind)) {
                Gauge.builder("ticker.provider.quota.ratio", () -> quotaRatio(source, kind))
                        .tag("source", source.id())
                        .tag("kind", kind)
                        .description("Share of the upstream's limit already used (0-1), from its usage headers")
                        .register(registry);
            }
        }
    }

    private double quotaRatio(TickerSource source, String kind) {
        Snapshot snapshot = store.stateOf(source).snapshot();
        Integer percent = snapshot == null || snapshot.quota() == null
                ? null
                : snapshot.quota().usedPercentByKind().get(kind);
        return percent == null ? Double.NaN : percent / 100.0;
    }

    void recordOutcome(String sourceId, String outcome, Duration took) {
        outcomes.computeIfAbsent(sourceId + '\n' + outcome, key -> new OutcomeMeters(sourceId, outcome))
                .record(took);
    }

    /** The counter and histogram of one source and outcome, built once (a refresh only records). */
    private final class OutcomeMeters {
        private final Counter count;
        private final Timer duration;

        OutcomeMeters(String sourceId, String outcome) {
            String tag = outcome.toLowerCase(Locale.ROOT);
            count = Counter.builder("ticker.refreshes")
                    .tag("source", sourceId)
                    .tag("outcome", tag)
                    .description("Finished refreshes by outcome (success or a failure code)")
                    .register(registry);
            duration = Timer.builder("ticker.refresh.duration")
                    .tag("source", sourceId)
                    .tag("outcome", tag)
                    .description("Duration of finished refreshes, retries included")
                    // Ten buckets from 50 ms to 60 s (the longest a refresh may take is give-up-after,
                    // 30 s by default), not Micrometer's percentile histogram (about 70 buckets): the
                    // histogram is per source, and with thousands of sources its buckets were most of
                    // each source's memory and of every scrape.
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }

        void record(Duration took) {
            count.increment();
            duration.record(took);
        }
    }
}
