package dev.socialticker.ticker.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart never costs the audience its number: the service learns a count, stops, the upstream
 * goes down, and the service that starts again serves the last good count at once, flagged stale.
 * Nor does it cost the upstream its wait: a Retry-After it sent before the stop still holds after.
 */
class RestartWithUpstreamDownTest {
    static final String SOURCE = "instagram-" + UpstreamServiceTest.IG_USER;

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @TempDir
    Path data;

    private ConfigurableApplicationContext service;

    @Test
    void theLastGoodCountSurvivesARestartWithTheUpstreamDown() {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        ApiClient first = start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> first.get("/api/metrics").statusCode() == 200);
        service.close();

        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(aResponse().withStatus(503)));
        ApiClient second = start();

        HttpResponse<String> served = second.get("/api/metrics/" + SOURCE);
        assertThat(served.statusCode())
                .as("served from the stored snapshot, before any refresh ends")
                .isEqualTo(200);
        assertThat(ApiClient.json(served).get("total").asLong()).isEqualTo(267788);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode body = ApiClient.json(second.get("/api/metrics"));
            assertThat(body.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(body.get("total").asLong()).isEqualTo(267788);
            assertThat(body.get("stale").asBoolean()).isTrue();
        });
        assertThat(second.get("/api/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidatedSourceStaysForgottenAcrossARestart() throws Exception {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        ApiClient first = start("--ticker.admin.token=restart-admin-token");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> first.get("/api/metrics").statusCode() == 200);
        assertThat(data.resolve(SOURCE + ".json")).exists();

        HttpResponse<String> invalidated = first.http()
                .send(
                        HttpRequest.newBuilder(URI.create(first.base() + "/api/admin/cache/" + SOURCE))
                                .header("Authorization", "Bearer restart-admin-token")
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(invalidated.statusCode()).isEqualTo(204);
        assertThat(data.resolve(SOURCE + ".json")).doesNotExist();
        service.close();

        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(aResponse().withStatus(503)));
        ApiClient second = start();
        assertThat(second.get("/api/metrics").statusCode())
                .as("nothing stored to serve")
                .isEqualTo(503);
    }

    @Test
    void aWaitTheUpstreamAskedForIsHonouredAfterARestart() {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        ApiClient first = start("--ticker.refresh.period=1s", "--ticker.refresh.min-interval=0s");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ApiClient.json(first.get("/api/metrics/" + SOURCE))
                                .at("/error/code")
                                .asText())
                        .isEqualTo("RATE_LIMITED"));
        Instant askedFor = service.getBean(RefreshGate.class).nextAttemptAt(SOURCE);
        service.close();

        // The upstream is fine again, but it asked for an hour: the restarted service waits it out.
        upstream.resetRequests();
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        ApiClient second = start("--ticker.refresh.period=1s", "--ticker.refresh.min-interval=0s");
        assertThat(service.getBean(RefreshGate.class).nextAttemptAt(SOURCE))
                .as("the stored wait, not the moment of the restart")
                .isCloseTo(askedFor, within(1, ChronoUnit.SECONDS))
                .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        NotifyBuilder ticks = new NotifyBuilder(service.getBean(CamelContext.class))
                .fromRoute("refresh-timer")
                .whenDone(3)
                .create();
        assertThat(ticks.matches(20, TimeUnit.SECONDS))
                .as("the refresh timer ticked")
                .isTrue();
        assertThat(upstream.getAllServeEvents())
                .as("no call before the wait is over")
                .isEmpty();
        assertThat(ApiClient.json(second.get("/api/metrics/" + SOURCE))
                        .at("/error/message")
                        .asText())
                .contains("next call not before");
    }

    @Test
    void aWaitThatEndedDuringTheStopDelaysNothing() {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        ApiClient first = start("--ticker.refresh.period=1h", "--ticker.refresh.min-interval=0s");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ApiClient.json(first.get("/api/metrics/" + SOURCE))
                                .at("/error/code")
                                .asText())
                        .isEqualTo("RATE_LIMITED"));
        Instant askedFor = service.getBean(RefreshGate.class).nextAttemptAt(SOURCE);
        service.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(askedFor));

        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        ApiClient second = start("--ticker.refresh.period=1h", "--ticker.refresh.min-interval=0s");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> second.get("/api/metrics/" + SOURCE).statusCode() == 200
                        && ApiClient.json(second.get("/api/metrics/" + SOURCE))
                                .path("error")
                                .isNull());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private ApiClient start(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ticker.store.type=file",
                "--ticker.store.dir=" + data,
                "--ticker.sources[0].provider=instagram",
                "--ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
                "--ticker.providers.instagram.access-token=test-token",
                "--ticker.providers.instagram.base-url=" + upstream.baseUrl() + "/v25.0",
                "--ticker.refresh.retry.backoff=10ms"));
        args.addAll(List.of(more));
        service = new SpringApplicationBuilder(TickerApplication.class).run(args.toArray(String[]::new));
        return ApiClient.api(service.getEnvironment());
    }
}
