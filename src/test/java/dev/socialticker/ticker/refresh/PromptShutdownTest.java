package dev.socialticker.ticker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the service while a refresh waits on an upstream that will not answer for a minute: the
 * call is abandoned, nothing half-done is stored, and the stop takes a moment instead of Camel's
 * 45-second wait for in-flight exchanges (or the upstream's minute).
 */
@ExtendWith(OutputCaptureExtension.class)
class PromptShutdownTest {
    static final TickerSource SOURCE =
            new TickerSource("instagram-" + UpstreamServiceTest.IG_USER, "instagram", UpstreamServiceTest.IG_USER);
    /** Far below both the upstream's delay and Camel's default graceful-shutdown timeout. */
    static final Duration PROMPT = Duration.ofSeconds(5);

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @Test
    void stoppingWithARefreshInFlightAbandonsItAtOnce(CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json")).withFixedDelay(60_000)));
        ConfigurableApplicationContext service = new SpringApplicationBuilder(TickerApplication.class)
                .run(
                        "--server.port=0",
                        "--ticker.sources[0].provider=instagram",
                        "--ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
                        "--ticker.providers.instagram.access-token=test-token",
                        "--ticker.providers.instagram.base-url=" + upstream.baseUrl() + "/v25.0");
        SnapshotStore store = service.getBean(SnapshotStore.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> upstream.verify(1, getRequestedFor(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))));
        // The refresh is what is in flight: the events of the start (every source's state, RESTORED)
        // have reached their subscribers, which Camel's shutdown would otherwise wait for, briefly.
        CamelContext camel = service.getBean(CamelContext.class);
        SedaEndpoint hub = camel.getEndpoint(EventEndpoints.HUB, SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.getCurrentQueueSize() == 0
                        && camel.getRoutes().stream()
                                .filter(route ->
                                        route.getEndpoint().getEndpointUri().equals(hub.getEndpointUri()))
                                .allMatch(route -> camel.getInflightRepository().size(route.getRouteId()) == 0));

        long started = System.nanoTime();
        service.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stopping).as("time to stop").isLessThan(PROMPT);
        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot()).isNull();
        assertThat(state.failure()).as("an abandoned refresh records nothing").isNull();
        // Once: the management server's context closing too is not a second stop of the service.
        assertThat(output.getAll().split("abandoning 1 refresh\\(es\\) in flight", -1))
                .hasSize(2);
        assertThat(output.getAll())
                .doesNotContain("still 1 inflight")
                // Every part stops cleanly, the web server and its Vert.x instance included.
                .doesNotContain("Failed to stop bean")
                .doesNotContain("did not close cleanly");
    }
}
