package dev.socialticker.ticker.output;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Output files under a running service, pushing to WireMock on loopback: what a webhook sends (body,
 * bearer, signature), conflation, dead outputs beside a healthy one, a refused file, a hot reload.
 */
@CamelSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=github",
            "ticker.sources[0].account=octocat",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=torvalds",
            "ticker.routes.reload=true",
            "ticker.refresh.initial-delay=1h",
            "ticker.outputs.hook.token=hook-bearer-token-123",
            "ticker.outputs.hook.signature-secret=hook-signing-secret-456",
            "ticker.outputs.counter.token=smiirl-counter-token-789",
            "ticker.admin.token=" + OutputsTest.ADMIN_TOKEN
        })
class OutputsTest extends UpstreamServiceTest {
    static final String ADMIN_TOKEN = "outputs-admin-token-246";
    static final TickerSource OCTOCAT = new TickerSource("github-octocat", "github", "octocat");
    static final TickerSource TORVALDS = new TickerSource("github-torvalds", "github", "torvalds");
    static final RoutesDir ROUTES = new RoutesDir();
    static final int CLOSED_PORT = closedPort();
    /** A dead output whose URL carries secrets in its path and its query: never repeated. */
    static final String CLOSED_PORT_URL = "http://127.0.0.1:" + CLOSED_PORT + "/pathSecret/refused?token=querySecret";

    static {
        try {
            java.nio.file.Files.createDirectories(ROUTES.path().resolve("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(
                "hook",
                "webhook",
                "github-octocat",
                Map.of(
                        "url", upstream.baseUrl() + "/hook?from=ticker",
                        "bearer", "token",
                        "signatureSecret", "signature-secret"));
        write(
                "flaky",
                "webhook",
                "github-octocat",
                Map.of("url", upstream.baseUrl() + "/flaky", "timeout", "2s", "retries", "0"));
        write(
                "counter",
                "smiirl-push",
                "github-torvalds",
                Map.of("mac", "e08e3c37e388", "baseUrl", upstream.baseUrl() + "/smiirl"));
        write(
                "clock",
                "awtrix-http",
                "github-torvalds",
                Map.of("clock", upstream.baseUrl(), "app", "followers-{source}", "icon", "5251"));
        write("healthy", "webhook", "github-torvalds", Map.of("url", upstream.baseUrl() + "/healthy"));
        write(
                "dead-refused",
                "webhook",
                "github-torvalds",
                Map.of("url", CLOSED_PORT_URL, "retries", "1", "retryDelay", "100ms"));
        write(
                "dead-500",
                "webhook",
                "github-torvalds",
                Map.of("url", upstream.baseUrl() + "/dead500", "retries", "1", "retryDelay", "100ms"));
        write(
                "dead-slow",
                "webhook",
                "github-torvalds",
                Map.of("url", upstream.baseUrl() + "/slow", "timeout", "1s", "retries", "1", "retryDelay", "100ms"));
        ROUTES.write("outputs/mistakes.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: webhok
                    routeId: output-mistakes
                    retries: 3
                    parameters:
                      - { name: colour, value: blue }
                """);
        ROUTES.write("outputs/broken.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: webhook
                    routeId: output-broken
                    parameters:
                      - { name: name, value: broken }
                      - { name: colour, value: blue }
                """);
    }

    @Autowired
    OutputCatalog catalog;

    @Autowired
    @Qualifier("outputs")
    HealthIndicator health;

    @DynamicPropertySource
    static void routesDir(DynamicPropertyRegistry registry) {
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
    }

    @AfterAll
    static void removeRoutesDir() {
        ROUTES.close();
    }

    @Test
    void aWebhookGetsTheSourcesJsonWithItsBearerTokenAndSignature() throws Exception {
        github("octocat", 4242);
        upstream.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));

        refresh(OCTOCAT);

        LoggedRequest hook = awaitRequest("/hook", 4242);
        byte[] body = hook.getBody();
        System.out.println("Webhook request: POST " + hook.getUrl() + "\n" + "Authorization: "
                + hook.getHeader("Authorization") + "\nX-Ticker-Signature: " + hook.getHeader("X-Ticker-Signature")
                + "\n" + new String(body, StandardCharsets.UTF_8));
        assertThat(hook.queryParameter("from").firstValue()).isEqualTo("ticker");
        assertThat(hook.getHeader("Content-Type")).startsWith("application/json");
        assertThat(hook.getHeader("Authorization")).isEqualTo("Bearer hook-bearer-token-123");
        assertThat(hook.getHeader("X-Ticker-Signature")).isEqualTo("sha256=" + hmac("hook-signing-secret-456", body));
        assertThat(hook.getHeader("X-Ticker-Source")).isEqualTo("github-octocat");
        // The same bytes GET /api/metrics/{id} answers.
        JsonNode pushed = new ObjectMapper().readTree(body);
        assertThat(pushed.get("id").asText()).isEqualTo("github-octocat");
        assertThat(pushed.get("total").asLong()).isEqualTo(4242);
        assertThat(pushed)
                .isEqualTo(new ObjectMapper()
                        .readTree(api.get("/api/metrics/github-octocat").body()));
    }

    /**
     * A backfill changes no count, so the store announces nothing; but it changes the source's growth,
     * which the JSON an output sends carries. The outputs get it at the next tick.
     */
    @Test
    void aBackfillThatChangesASourcesGrowthReachesTheOutputsThoughItsCountStoodStill() throws Exception {
        github("octocat", 4242);
        upstream.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        refresh(OCTOCAT);
        awaitRequest("/hook", 4242);
        assertThat(pushesOf("/hook", 4242).get(0).at("/growth/thirtyDays").isNull())
                .isTrue();

        // 40 days back: before the source's first live reading, the count 30 days before today's.
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(40);
        HttpResponse<String> answer = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/admin/history/github-octocat"))
                                .header("Content-Type", "text/csv")
                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString("date,count\n" + day + ",4000\n"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"added\":1");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pushesOf("/hook", 4242).size() == 2);
        JsonNode again = pushesOf("/hook", 4242).get(1);
        System.out.println("After the backfill, the webhook got: " + again);
        assertThat(again.get("total").asLong()).isEqualTo(4242);
        assertThat(again.at("/growth/thirtyDays").asLong()).isEqualTo(242);
        assertThat(again)
                .isEqualTo(new ObjectMapper()
                        .readTree(api.get("/api/metrics/github-octocat").body()));
    }

    @Test
    void aSmiirlCounterAndAnAwtrixClockGetTheCount() {
        upstream.stubFor(get(urlPathEqualTo("/smiirl/e08e3c37e388/set-number/smiirl-counter-token-789/31337"))
                .willReturn(okJson("{\"status\": true}")));
        upstream.stubFor(
                post(urlPathEqualTo("/api/custom")).willReturn(aResponse().withStatus(200)));
        github("torvalds", 31337);

        refresh(TORVALDS);

        await().untilAsserted(() -> upstream.verify(
                getRequestedFor(urlPathEqualTo("/smiirl/e08e3c37e388/set-number/smiirl-counter-token-789/31337"))));
        await().untilAsserted(() -> upstream.verify(postRequestedFor(urlPathEqualTo("/api/custom"))
                .withQueryParam("name", equalTo("followers-github-torvalds"))
                // The API's ?format=awtrix app (compact count, white while fresh, a lifetime so the clock
                // marks it stale if pushes stop), with the output's own icon.
                .withRequestBody(matchingJsonPath("$.text", equalTo("31.3k")))
                .withRequestBody(matchingJsonPath("$.icon", equalTo("5251")))
                .withRequestBody(matchingJsonPath("$.color", equalTo("#FFFFFF")))
                .withRequestBody(matchingJsonPath("$.progressC", equalTo("#FFFFFF")))
                .withRequestBody(matchingJsonPath("$.lifetimeMode", equalTo("1")))
                // Twice the longest wait between two pushes of a count that stands still: the
                // template's one-minute repeat, the 5 s tick that offers it, the 5 s timeout.
                .withRequestBody(matchingJsonPath("$.lifetime", equalTo("140")))));
    }

    @Test
    void anOutputThatComesBackGetsTheNewestValueNotABacklog() {
        upstream.stubFor(post(urlPathEqualTo("/flaky"))
                .willReturn(aResponse().withStatus(500).withFixedDelay(4000)));
        github("octocat", 1);
        refresh(OCTOCAT);
        await().until(() -> totals("/flaky").contains(1L));
        // While the output hangs on the first push, two more counts come.
        github("octocat", 2);
        refresh(OCTOCAT);
        github("octocat", 3);
        refresh(OCTOCAT);
        upstream.stubFor(post(urlPathEqualTo("/flaky")).willReturn(aResponse().withStatus(204)));

        await().atMost(Duration.ofSeconds(20)).until(() -> totals("/flaky").contains(3L));
        System.out.println("Pushes the flaky output received, in order: " + totals("/flaky"));
        assertThat(totals("/flaky")).containsExactly(1L, 3L);
    }

    @Test
    void deadOutputsLeaveTheRefreshesAndAHealthyOutputOnTime(CapturedOutput log) {
        upstream.stubFor(post(urlPathEqualTo("/healthy")).willReturn(aResponse().withStatus(204)));
        upstream.stubFor(post(urlPathEqualTo("/dead500")).willReturn(aResponse().withStatus(500)));
        upstream.stubFor(post(urlPathEqualTo("/slow"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(5000)));
        List<String> timings = new ArrayList<>();
        for (long count = 101; count <= 105; count++) {
            github("torvalds", count);
            long started = System.nanoTime();
            refresh(TORVALDS);
            long refreshMillis = (System.nanoTime() - started) / 1_000_000;
            long refreshedAt = System.currentTimeMillis();
            long expected = count;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> totals("/healthy").contains(expected));
            // When WireMock received it (its own clock, in milliseconds), not when the poll saw it.
            long receivedAt = upstream.findAll(postRequestedFor(urlPathEqualTo("/healthy"))).stream()
                    .filter(request -> request.getBodyAsString().contains("\"total\":" + expected + ","))
                    .findFirst()
                    .orElseThrow()
                    .getLoggedDate()
                    .getTime();
            timings.add("count " + count + ": refresh " + refreshMillis + " ms, healthy output received it "
                    + (receivedAt - refreshedAt) + " ms after the refresh returned");
        }
        System.out.println("With three dead outputs (connection refused, HTTP 500, 5 s answer with a 1 s timeout):\n"
                + String.join("\n", timings));
        assertThat(totals("/healthy")).containsExactly(101L, 102L, 103L, 104L, 105L);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health outputs = health.health();
            assertThat(OutputFiles.lastFailure(outputs, "dead-refused")).containsEntry("code", "UNREACHABLE");
            assertThat(OutputFiles.lastFailure(outputs, "dead-500"))
                    .containsEntry("code", "UNAVAILABLE")
                    .containsEntry("httpStatus", 500)
                    .containsEntry("attempts", 2);
            assertThat(OutputFiles.lastFailure(outputs, "dead-slow")).containsEntry("code", "TIMEOUT");
        });
        Health outputs = health.health();
        System.out.println("Health of the outputs: " + outputs);
        String refused =
                "the output 'dead-refused' at 127.0.0.1:" + CLOSED_PORT + " is unreachable (connection refused)";
        assertThat(OutputFiles.lastFailure(outputs, "dead-refused")).containsEntry("message", refused);
        assertThat(OutputFiles.lastFailure(outputs, "dead-500"))
                .containsEntry("message", "the output 'dead-500' answered HTTP 500");
        assertThat(OutputFiles.lastFailure(outputs, "dead-slow"))
                .containsEntry(
                        "message",
                        "the output 'dead-slow' at localhost:" + upstream.port()
                                + " did not answer in time (timed out)");
        assertThat(log.getAll()).contains(refused);
        assertThat(outputs.toString() + log.getAll())
                .as("the dead output's URL is named by host and port, its secrets never")
                .doesNotContain("pathSecret", "querySecret");

        // The status console lists each output with the same record, for anyone.
        String status = api.get("/api/status").body();
        Map<String, JsonNode> shown = new HashMap<>();
        ApiClient.json(api.get("/api/status"))
                .get("outputs")
                .forEach(output -> shown.put(output.get("name").asText(), output));
        assertThat(shown.get("dead-refused").get("state").asText()).isEqualTo("failing");
        assertThat(shown.get("dead-refused").at("/lastFailure/message").asText())
                .isEqualTo(refused);
        assertThat(shown.get("dead-500").at("/lastFailure/httpStatus").asInt()).isEqualTo(500);
        assertThat(shown.get("dead-500").at("/lastFailure/attempts").asInt()).isEqualTo(2);
        assertThat(shown.get("dead-slow").at("/lastFailure/code").asText()).isEqualTo("TIMEOUT");
        assertThat(shown.get("healthy").get("state").asText())
                .as("delivering; recovered when a test before this one (same service) left it failing")
                .isIn("delivering", "recovered");
        assertThat(shown.get("healthy").get("template").asText()).isEqualTo("webhook");
        assertThat(shown.get("healthy").get("lastDelivered").asText()).isEqualTo(TORVALDS.id());
        assertThat(status).doesNotContain("pathSecret", "querySecret");
    }

    @Test
    void aBadFileIsRefusedAloneAndAChangedFileIsAppliedWithoutARestart() {
        Health outputs = health.health();
        assertThat(outputs.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(outputs.getStatus().getDescription())
                .contains("broken.camel.yaml")
                .contains("unknown parameter 'colour'")
                .contains("parameter 'url' is required");
        // Every mistake of a file at once, each as file:line:column: what (hint).
        String mistakes = ROUTES.path().resolve("outputs/mistakes.camel.yaml").toString();
        assertThat(catalog.findBroken("mistakes").orElseThrow().reason())
                .isEqualTo(mistakes + ":2:23: routeTemplateRef 'webhok' is not an output template (did you mean"
                        + " 'webhook'? built-in: awtrix-http, mqtt, smiirl-push, webhook); "
                        + mistakes + ":4:5: unknown key 'retries' in templatedRoute (the keys are routeTemplateRef,"
                        + " routeId, parameters); "
                        + mistakes + ":5:5: parameter 'name' is required (Output name, for example office-counter); "
                        + mistakes + ":6:17: unknown parameter 'colour' (no output template has it)");
        assertThat(catalog.loaded()).containsKeys("hook", "flaky", "healthy", "dead-500");
        JsonNode refusedFile = null;
        for (JsonNode output : ApiClient.json(api.get("/api/status")).get("outputs")) {
            if (output.get("name").asText().equals("mistakes")) {
                refusedFile = output;
            }
        }
        assertThat(refusedFile).as("the refused file on the status console").isNotNull();
        assertThat(refusedFile.get("state").asText()).isEqualTo("refused");
        assertThat(refusedFile.get("template").isNull()).isTrue();
        assertThat(refusedFile.get("reason").asText())
                .isEqualTo(catalog.findBroken("mistakes").orElseThrow().reason());

        upstream.stubFor(post(urlPathEqualTo("/late")).willReturn(aResponse().withStatus(204)));
        write("late", "webhook", "github-octocat", Map.of("url", upstream.baseUrl() + "/late"));
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find("late").isPresent());
        github("octocat", 77);
        refresh(OCTOCAT);
        await().until(() -> totals("/late").contains(77L));

        // A broken change is refused; the running output keeps its previous route.
        ROUTES.write("outputs/late.camel.yaml", "- templatedRoute: { routeTemplateRef: nope, routeId: output-late }");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.findBroken("late").isPresent());
        assertThat(catalog.findBroken("late").orElseThrow().reason()).contains("'nope' is not an output template");
        github("octocat", 78);
        refresh(OCTOCAT);
        await().until(() -> totals("/late").contains(78L));

        ROUTES.delete("outputs/late.camel.yaml");
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find("late").isEmpty());
    }

    @Test
    void aSecretSetAfterStartUpIsSaidToNeedARestart() {
        write(
                "latecomer",
                "webhook",
                "github-octocat",
                Map.of("url", upstream.baseUrl() + "/late", "bearer", "late-token"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.findBroken("latecomer").isPresent());
        assertThat(catalog.findBroken("latecomer").orElseThrow().reason())
                .endsWith("parameter 'bearer' names the setting ticker.outputs.latecomer.late-token (environment"
                        + " variable TICKER_OUTPUTS_LATECOMER_LATETOKEN), which is not set (set it, then restart the"
                        + " service: settings are read when the service starts; ticker.routes.reload applies changed"
                        + " files, not changed settings)");
        ROUTES.delete("outputs/latecomer.camel.yaml");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.findBroken("latecomer").isEmpty());
    }

    @Test
    void aNewOutputGetsTheCurrentCountsWithoutWaitingForAChange() {
        github("torvalds", 555);
        refresh(TORVALDS);
        upstream.stubFor(
                post(urlPathEqualTo("/newcomer")).willReturn(aResponse().withStatus(204)));

        write("newcomer", "webhook", "github-torvalds", Map.of("url", upstream.baseUrl() + "/newcomer"));

        // No refresh, no change: the count as it is reaches the new output (at the next tick).
        await().atMost(Duration.ofSeconds(30)).until(() -> totals("/newcomer").contains(555L));
        assertThat(totals("/newcomer")).as("once, not again at each tick").containsExactly(555L);
        ROUTES.delete("outputs/newcomer.camel.yaml");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.find("newcomer").isEmpty());
    }

    @Test
    void anOutputThatRepeatsSendsTheCountAgainWithoutAChange() {
        github("torvalds", 600);
        refresh(TORVALDS);
        upstream.stubFor(
                post(urlPathEqualTo("/repeater")).willReturn(aResponse().withStatus(204)));

        write(
                "repeater",
                "webhook",
                "github-torvalds",
                Map.of("url", upstream.baseUrl() + "/repeater", "repeat", "1s"));

        await().atMost(Duration.ofSeconds(30)).until(() -> totals("/repeater").size() == 1);
        // A tick sends it again once a repeat has passed on the service's clock, though the count
        // stands still. The test ticks rather than wait for the timer (every 5 s); a timer tick at the
        // same instant finds the repeat already sent.
        clock.advance(Duration.ofSeconds(2));
        producer.sendBody(OutputEndpoints.TICK, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> totals("/repeater").size() == 2);
        clock.advance(Duration.ofSeconds(2));
        producer.sendBody(OutputEndpoints.TICK, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> totals("/repeater").size() == 3);
        assertThat(totals("/repeater")).allMatch(total -> total == 600L);
        ROUTES.delete("outputs/repeater.camel.yaml");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.find("repeater").isEmpty());
    }

    private static void github(String account, long followers) {
        upstream.stubFor(get(urlPathEqualTo("/users/" + account))
                .willReturn(okJson("{\"login\": \"" + account + "\", \"followers\": " + followers + "}")));
    }

    /** The totals an output's path was sent, in the order received. */
    private static List<Long> totals(String path) {
        ObjectMapper json = new ObjectMapper();
        List<LoggedRequest> requests = new ArrayList<>(upstream.findAll(postRequestedFor(urlPathEqualTo(path))));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests.stream()
                .map(request -> {
                    try {
                        JsonNode total = json.readTree(request.getBody()).get("total");
                        if (total == null) {
                            throw new AssertionError("a push to " + path + " without a count: '"
                                    + request.getBodyAsString() + "', " + request.getHeaders());
                        }
                        return total.asLong();
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                })
                .toList();
    }

    /** The bodies an output's path was sent, in the order received. */
    private static List<JsonNode> pushedTo(String path) {
        ObjectMapper json = new ObjectMapper();
        List<LoggedRequest> requests = new ArrayList<>(upstream.findAll(postRequestedFor(urlPathEqualTo(path))));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : requests) {
            try {
                bodies.add(json.readTree(request.getBody()));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return bodies;
    }

    private static long totalOf(LoggedRequest request) {
        try {
            return new ObjectMapper().readTree(request.getBody()).path("total").asLong(-1);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The bodies carrying {@code total} an output's path was sent, in the order received. */
    private static List<JsonNode> pushesOf(String path, long total) {
        return pushedTo(path).stream()
                .filter(body -> body.path("total").asLong(-1) == total)
                .toList();
    }

    /**
     * The first push of {@code total} to {@code path}. Not simply the first push: a push decided before
     * this test's clean slate (the previous test's source, whose growth moved when the clock did) may
     * reach the stand-in just after it was reset.
     */
    private static LoggedRequest awaitRequest(String path, long total) {
        await().until(() -> totals(path).contains(total));
        return upstream.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .filter(request -> totalOf(request) == total)
                .findFirst()
                .orElseThrow();
    }

    static void write(String name, String template, String sources, Map<String, String> parameters) {
        OutputFiles.write(ROUTES, name, template, sources, parameters);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
