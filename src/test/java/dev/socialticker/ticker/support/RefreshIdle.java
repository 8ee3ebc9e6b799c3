package dev.socialticker.ticker.support;

import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.refresh.RefreshEndpoints;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;

/**
 * Waits until no refresh is running or asked for: a background refresh an earlier test's stale read
 * asked for must not land in the next test. A request waiting in the demand queue is not in flight
 * yet, hence both conditions, held for a moment (a request is taken from the queue a hair before
 * it counts as in flight).
 */
public final class RefreshIdle {
    private RefreshIdle() {}

    public static void waitFor(CamelContext camel) {
        SedaEndpoint wanted = camel.getEndpoint(RefreshEndpoints.REFRESH_WANTED, SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(10))
                .during(Duration.ofMillis(100))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> wanted.getCurrentQueueSize() == 0
                        && camel.getInflightRepository().size() == 0);
    }
}
