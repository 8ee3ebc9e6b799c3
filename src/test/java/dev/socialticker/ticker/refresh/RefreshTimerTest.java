package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The timer refreshes every source each period, starting right after start-up. */
@CamelSpringBootTest
@SpringBootTest(properties = {"ticker.refresh.period=200ms", "ticker.refresh.min-interval=0s"})
class RefreshTimerTest {
    @Autowired
    MeterRegistry meters;

    @Test
    void theTimerKeepsTheDemoSourceRefreshing() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(meters.counter("ticker.refreshes", "source", "demo", "outcome", "success")
                                        .count())
                                .isGreaterThanOrEqualTo(3));
        assertThat(meters.get("ticker.followers").tag("source", "demo").gauge().value())
                .isPositive();
    }
}
