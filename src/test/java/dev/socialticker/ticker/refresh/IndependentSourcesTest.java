package dev.socialticker.ticker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No source waits on another, and the timer never waits on an upstream: while Instagram hangs for
 * its whole budget, GitHub is refreshed at the configured period. Real time and the real timer here,
 * not a test clock: the cadence is what is tested.
 */
class IndependentSourcesTest extends RealTimerServiceTest {
    @Autowired
    SnapshotStore store;

    @Test
    void aStuckSourceDoesNotHoldBackTheOthers() {
        Set<Instant> githubReadings = ConcurrentHashMap.newKeySet();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var snapshot = store.stateOf(GITHUB).snapshot();
                    if (snapshot != null) {
                        githubReadings.add(snapshot.refreshedAt());
                    }
                    return githubReadings.size() >= 4;
                });

        assertThat(store.stateOf(INSTAGRAM).failure())
                .as("Instagram's first refresh is still within its budget")
                .isNull();
        upstream.verify(1, getRequestedFor(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH)));
        assertThat(upstream.countRequestsMatching(getRequestedFor(urlPathEqualTo("/users/octocat"))
                                .build())
                        .getCount())
                .isGreaterThanOrEqualTo(4);
    }
}
