package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Staleness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How often sources are refreshed and when their data turns stale: {@code ticker.refresh.*}, except
 * for a first run on the built-in demo source. The simulator costs no quota, so unless the user set
 * a cadence it refreshes every {@value #DEMO_SECONDS} s and a newcomer sees the ticker move at once
 * instead of once a minute.
 */
@Component
public class RefreshSchedule {
    static final int DEMO_SECONDS = 5;
    static final long MAX_TIMER_SLACK_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RefreshSchedule.class);

    private final RefreshProperties effective;
    private final Staleness staleness;
    private final Instant startedAt;

    public RefreshSchedule(RefreshProperties refresh, SourceCatalog catalog, Environment environment, Clock clock) {
        this.startedAt = clock.instant();
        // Whether a cadence was set at all, which the bound values (defaults filled in) cannot tell.
        Binder binder = Binder.get(environment);
        boolean cadenceSet = binder.bind("ticker.refresh.period", Duration.class)
                        .isBound()
                || binder.bind("ticker.refresh.min-interval", Duration.class).isBound()
                || binder.bind("ticker.refresh.stale-after", Duration.class).isBound();
        if (catalog.demoOnly() && !cadenceSet) {
            Duration demo = Duration.ofSeconds(DEMO_SECONDS);
            this.effective = refresh.withCadence(demo, demo);
            log.info("Demo source: refreshing every {}s (ticker.refresh.period sets the cadence)", DEMO_SECONDS);
        } else {
            this.effective = refresh;
        }
        this.staleness = new Staleness(effective.staleAfter());
    }

    /** Timer cadence of scheduled refreshes. */
    public Duration period() {
        return effective.period();
    }

    /** No source is fetched more often than this, whatever triggers it. */
    public Duration minInterval() {
        return effective.minInterval();
    }

    /** Age after which data is stale (see {@link RefreshProperties#staleAfter()}). */
    public Duration staleAfter() {
        return effective.staleAfter();
    }

    /**
     * When the schedule began: a source without a count has waited for one since (the API's and the
     * outputs' {@code NO_DATA} error says so, with this one instant).
     */
    public Instant startedAt() {
        return startedAt;
    }

    /** The one staleness rule, with this schedule's stale-after. */
    public Staleness staleness() {
        return staleness;
    }

    /** The rule as a bean, for packages below refresh (the store's metrics) that must not depend on it. */
    @Configuration(proxyBeanMethods = false)
    static class StalenessRule {
        @Bean
        Staleness staleness(RefreshSchedule schedule) {
            return schedule.staleness();
        }
    }

    /**
     * How early a timer tick may land and still count as due: a tenth of the period, at most
     * {@value #MAX_TIMER_SLACK_MILLIS} ms. A timer fires a hair early or late; without this a tick
     * landing 1 ms before min-interval (or before the fleet's gap) is refused and the source skips
     * a whole period. The refresh gate and the fleet's gate both use it.
     */
    public Duration timerSlack() {
        Duration tenth = period().dividedBy(10);
        return tenth.toMillis() > MAX_TIMER_SLACK_MILLIS ? Duration.ofMillis(MAX_TIMER_SLACK_MILLIS) : tenth;
    }

    public Duration initialDelay() {
        return effective.initialDelay();
    }
}
