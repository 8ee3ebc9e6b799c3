package dev.socialticker.ticker.output;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts restored at start-up were never a change, yet an output learns them: a display that was
 * off while the service restarted shows the count again without waiting for the count to move.
 */
class OutputsAfterRestartTest {
    static final String SOURCE = "instagram-" + UpstreamServiceTest.IG_USER;

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @TempDir
    Path data;

    @TempDir
    Path routes;

    private ConfigurableApplicationContext service;

    @Test
    void anOutputGetsTheRestoredCountsWithoutARefresh() throws IOException {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        ApiClient first = start("--ticker.refresh.initial-delay=0s");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> first.get("/api/metrics").statusCode() == 200);
        service.close();
        upstream.resetRequests();

        upstream.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        OutputFiles.write(routes, "hook", "webhook", "", Map.of("url", upstream.baseUrl() + "/hook"));
        // No refresh for an hour: only the stored count can reach the output.
        start("--ticker.refresh.initial-delay=1h");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !upstream.findAll(postRequestedFor(urlPathEqualTo("/hook")))
                        .isEmpty());
        List<LoggedRequest> pushes = upstream.findAll(postRequestedFor(urlPathEqualTo("/hook")));
        JsonNode pushed = new ObjectMapper().readTree(pushes.get(0).getBody());
        assertThat(pushed.get("id").asText()).isEqualTo(SOURCE);
        assertThat(pushed.get("total").asLong()).isEqualTo(267788);
        upstream.verify(0, getRequestedFor(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH)));
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
                "--ticker.routes.dir=" + routes,
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
