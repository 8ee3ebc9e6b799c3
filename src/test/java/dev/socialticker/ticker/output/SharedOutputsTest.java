package dev.socialticker.ticker.output;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.fleet.FleetInstances;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.SharedUpstream;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances over one real Redis, both running the same output: each change is pushed once. */
class SharedOutputsTest {
    static final String HOOK = "/fleet-hook";
    final WireMockServer upstream = SharedUpstream.server();
    RedisServer redis;
    RoutesDir routes;
    FleetInstances fleet;

    @BeforeEach
    void start() throws IOException {
        upstream.resetAll();
        redis = RedisServer.start("The shared outputs test");
        routes = new RoutesDir();
        Files.createDirectories(routes.path().resolve("outputs"));
        routes.write("outputs/hook.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: webhook
                    routeId: output-hook
                    parameters:
                      - { name: name, value: hook }
                      - { name: url, value: "%s" }
                """.formatted(upstream.baseUrl() + HOOK));
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        routes.close();
        redis.close();
    }

    @Test
    void theFleetPushesEachChangeOnceWhicheverInstanceRefreshed() {
        upstream.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));
        fleet = new FleetInstances(
                redis.port(),
                upstream.baseUrl(),
                "shared-outputs:",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms",
                "--ticker.routes.dir=" + routes.path());
        FleetInstances.Instance first = fleet.start(null);
        FleetInstances.Instance second = fleet.start(null);

        count(10);
        first.refreshOnDemand();
        await().atMost(Duration.ofSeconds(20)).until(() -> totals().contains(10L));

        // The second instance's refresh: its own change there, a fleet change on the first.
        count(20);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            second.refreshOnDemand();
            return totals().contains(20L);
        });
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> totals().equals(List.of(10L, 20L)));
        System.out.println("Pushes the fleet of two made: " + totals());
    }

    private void count(long followers) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson("{\"followers_count\": " + followers + ", \"username\": \"acme\", \"id\": \""
                        + UpstreamServiceTest.IG_USER + "\"}")));
    }

    private List<Long> totals() {
        ObjectMapper json = new ObjectMapper();
        List<LoggedRequest> requests = new ArrayList<>(upstream.findAll(postRequestedFor(urlPathEqualTo(HOOK))));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests.stream()
                .map(request -> {
                    try {
                        return json.readTree(request.getBody()).get("total").asLong();
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                })
                .toList();
    }
}
