package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The timer refreshes every source each period, starting right after start-up. */
class RefreshTimerTest extends RealTimerServiceTest {
    @Autowired
    MeterRegistry meters;

    @Test
    void theTimerKeepsTheDemoSourceRefreshing() {
        // Three more from now on: the context may have been refreshing for another class already.
        double before = successes();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(successes()).isGreaterThanOrEqualTo(before + 3));
        assertThat(meters.get("ticker.followers").tag("source", "demo").gauge().value())
                .isPositive();
    }

    private double successes() {
        return meters.counter("ticker.refreshes", "source", "demo", "outcome", "success")
                .count();
    }
}
