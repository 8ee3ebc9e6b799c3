package dev.socialticker.ticker.scale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.output.OutputFiles;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.PackagedJar;
import dev.socialticker.ticker.support.SharedMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A push and the API agree on a source's state for the same change, with 200 sources: past 100 the
 * view's renders are paced, and a push once took its body from a view the pace had left behind, so
 * it could carry an older count than the change it was decided on. Here a webhook output gets every
 * demo source; one source is refreshed until its count moves; the first push of the moved count is
 * byte for byte what {@code GET /api/metrics/{id}} answers.
 */
@ResourceLock(value = SharedMachine.CORES, mode = ResourceAccessMode.READ_WRITE)
class PushAgreesWithApiIT {
    static final int SOURCES = 200;
    static final String WATCHED = "demo-fan-7";
    static final String ADMIN_TOKEN = "push-agrees-admin-token-731";
    static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer hook =
            new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private PackagedJar service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        hook.stop();
    }

    @Test
    void theFirstPushOfAChangeIsWhatGetAnswersForIt() throws Exception {
        hook.start();
        hook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        Path dir = Files.createTempDirectory("social-ticker-push-agrees");
        StringBuilder config = new StringBuilder("ticker:\n  sources:\n");
        for (int i = 0; i < SOURCES; i++) {
            config.append("    - { provider: demo, account: fan-").append(i).append(" }\n");
        }
        Files.writeString(dir.resolve("application.yaml"), config);
        OutputFiles.write(dir.resolve("routes"), "hook", "webhook", "", Map.of("url", hook.baseUrl() + "/hook"));
        service = PackagedJar.start(
                dir,
                PackagedJar.QUICK_START_FLAGS,
                "--ticker.routes.dir=" + dir.resolve("routes"),
                "--ticker.store.type=memory",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=0s",
                "--ticker.refresh.min-interval=0s",
                "--ticker.admin.token=" + ADMIN_TOKEN);
        ApiClient api = service.api();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> !pushesOf(WATCHED).isEmpty());
        long before =
                pushesOf(WATCHED).get(pushesOf(WATCHED).size() - 1).get("total").asLong();

        // The demo count drifts at each refresh, mostly up, now and then not at all: refreshed, one
        // refresh at a time, until it moves; then no other refresh can change it before the comparison.
        long moved = before;
        for (int attempt = 1; moved == before; attempt++) {
            assertThat(attempt).as("refreshes until the demo count moves").isLessThanOrEqualTo(20);
            double done = refreshes(service, WATCHED);
            refresh(api, WATCHED);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> refreshes(service, WATCHED) > done);
            moved = ApiClient.json(api.get("/api/metrics/" + WATCHED))
                    .get("total")
                    .asLong();
        }
        long total = moved;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushesOf(WATCHED).stream()
                        .anyMatch(push -> push.get("total").asLong() == total));
        JsonNode pushed = pushesOf(WATCHED).stream()
                .filter(push -> push.get("total").asLong() != before)
                .findFirst()
                .orElseThrow();
        JsonNode answered = ApiClient.json(api.get("/api/metrics/" + WATCHED));
        System.out.printf(
                "[push agrees] %d sources: %s moved from %d to %d; pushed %s%n",
                SOURCES, WATCHED, before, pushed.get("total").asLong(), pushed);

        assertThat(answered.get("total").asLong())
                .as("no later change in between: the count the push carried is the count now")
                .isEqualTo(pushed.get("total").asLong());
        assertThat(pushed)
                .as("the push and GET /api/metrics/{id}, for the same change")
                .isEqualTo(answered);
    }

    private static void refresh(ApiClient api, String id) throws IOException, InterruptedException {
        HttpResponse<String> answer = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/admin/refresh/" + id))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    /** How many refreshes of the source succeeded so far (ticker_refreshes_total, the Prometheus scrape). */
    private static double refreshes(PackagedJar service, String id) {
        return service.management()
                .get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith("ticker_refreshes_total{")
                        && line.contains("source=\"" + id + "\"")
                        && line.contains("outcome=\"success\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The bodies the webhook got for a source, oldest first. */
    private List<JsonNode> pushesOf(String id) {
        return hook.findAll(postRequestedFor(urlPathEqualTo("/hook"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(PushAgreesWithApiIT::parse)
                .filter(body -> id.equals(body.path("id").asText()))
                .toList();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
