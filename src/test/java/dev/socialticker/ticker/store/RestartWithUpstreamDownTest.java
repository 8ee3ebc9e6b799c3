package dev.socialticker.ticker.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart never costs the audience its number: the service learns a count, stops, the upstream
 * goes down, and the service that starts again serves the last good count at once, flagged stale.
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
        return new ApiClient(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }
}
