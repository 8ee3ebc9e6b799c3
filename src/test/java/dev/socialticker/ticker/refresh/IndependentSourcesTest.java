package dev.socialticker.ticker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No source waits on another, and the timer never waits on an upstream: while Instagram hangs for
 * its whole budget, GitHub is refreshed at the configured period. Real time and the real timer here,
 * not a test clock: the cadence is what is tested.
 */
@CamelSpringBootTest
@SpringBootTest(
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=octocat",
            "ticker.providers.instagram.access-token=test-token",
            "ticker.refresh.period=300ms",
            "ticker.refresh.min-interval=300ms",
            "ticker.refresh.retry.give-up-after=6s"
        })
class IndependentSourcesTest {
    static final TickerSource INSTAGRAM =
            new TickerSource("instagram-" + UpstreamServiceTest.IG_USER, "instagram", UpstreamServiceTest.IG_USER);
    static final TickerSource GITHUB = new TickerSource("github-octocat", "github", "octocat");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            // The stubs are in place before the context starts, for the timer's first tick.
            .resetOnEachTest(false)
            .build();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json")).withFixedDelay(60_000)));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        registry.add("ticker.providers.instagram.base-url", () -> upstream.baseUrl() + "/v25.0");
        registry.add("ticker.providers.github.base-url", () -> upstream.baseUrl());
    }

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
