package dev.socialticker.ticker.refresh;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sources are refreshed ({@code ticker.refresh.*}). Bound and validated at start-up, so a bad
 * value stops the service with a message naming the property instead of failing at the first refresh.
 *
 * @param period       timer cadence of scheduled refreshes (5s for the built-in demo source alone,
 *                     unless a cadence is set)
 * @param staleAfter   age after which data is stale; two periods when not set
 * @param minInterval  no source is fetched more often than this, whatever triggers it (5s for the
 *                     built-in demo source alone, unless a cadence is set)
 * @param initialDelay delay before the first scheduled refresh; 0 shows data right after start
 * @param retry        retries of transient failures within one refresh
 * @param concurrency  refreshes running at once (1-256), whatever the number of sources: the ceiling
 *                     on the threads, connections and memory refreshing holds; the others wait their
 *                     turn, each source once
 */
@Validated
@ConfigurationProperties("ticker.refresh")
public record RefreshProperties(
        @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("60s")
        Duration period,

        @DurationMin(millis = 1, message = "must be greater than 0")
        Duration staleAfter,

        @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("30s")
        Duration minInterval,

        @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("0s")
        Duration initialDelay,

        @Valid @NotNull @DefaultValue Retry retry,

        @Min(value = 1, message = "must be at least 1")
        @Max(value = 256, message = "must be at most 256")
        @DefaultValue("16")
        int concurrency) {

    /**
     * The effective stale-after: the configured one, or two refresh periods. The one place that
     * default is derived; everything that judges staleness asks here.
     */
    @Override
    public Duration staleAfter() {
        return staleAfter != null ? staleAfter : period.multipliedBy(2);
    }

    /** The same settings with another cadence (the demo source's), stale-after following it unless set. */
    RefreshProperties withCadence(Duration newPeriod, Duration newMinInterval) {
        return new RefreshProperties(newPeriod, staleAfter, newMinInterval, initialDelay, retry, concurrency);
    }

    /**
     * Retries of transient failures (5xx, connection refused, timeouts) within one refresh.
     *
     * @param maxAttempts attempts per refresh for transient failures (5xx, connection refused, timeout)
     * @param backoff     first retry delay, doubled each retry (a failure whose upstream names a wait
     *                    is not retried: the wait is kept by the gate)
     * @param giveUpAfter one refresh, retries included, ends within this: an upstream call still
     *                    running then is aborted and TIMEOUT recorded (a provider stuck where no abort
     *                    reaches is taken over 1 s later)
     */
    public record Retry(
            @Min(value = 1, message = "must be at least 1") @DefaultValue("3")
            int maxAttempts,

            @DurationMin(nanos = 0, message = "must not be negative") @DefaultValue("1s")
            Duration backoff,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("30s")
            Duration giveUpAfter) {}
}
