package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How much earlier than {@code staleAt} a cached copy of the metrics stops being fresh. */
class CacheHeadroomTest {

    @Test
    void isHalfTheTimeBetweenTheNextRefreshAndStaleAt() {
        // The production profile: refresh every 60 s, stale after 120 s.
        assertThat(MetricsResponder.cacheHeadroom(Duration.ofSeconds(60), Duration.ofSeconds(120)))
                .isEqualTo(Duration.ofSeconds(30));
        // The behind-a-cache browser test's cadence.
        assertThat(MetricsResponder.cacheHeadroom(Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void isNoneWhenDataTurnsStaleBeforeTheNextRefresh() {
        assertThat(MetricsResponder.cacheHeadroom(Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .isZero();
        assertThat(MetricsResponder.cacheHeadroom(Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .isZero();
    }
}
