package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Instagram provider against a WireMock Graph API on loopback, through the real refresh
 * pipeline (provider → store, or dead-letter channel) and read back over real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstagramProviderTest extends SharedServiceTest {
    static final String TOKEN = INSTAGRAM_TOKEN;
    static final String PATH = GRAPH_PATH;
    static final TickerSource SOURCE = new TickerSource("instagram-" + IG_USER, "instagram", IG_USER);

    @Autowired
    SnapshotStore store;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesTheCountAndProfileFromTheGraphApi() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("ig-user.json"))));

        refresh();

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot().total()).isEqualTo(267788);
        assertThat(state.snapshot().profile()).isEqualTo("acme");
        assertThat(state.snapshot().refreshedAt()).isEqualTo(clock.instant());
        assertThat(state.failure()).isNull();
        upstream.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("fields", equalTo("followers_count,username"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withoutHeader("TickerSourceId")
                .withoutHeader("TickerAccount"));
    }

    @Test
    void coercesStringAndFloatCountsToWholeNumbers() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"followers_count\": \"12345\", \"username\": \"acme\"}")));
        refresh();
        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(12345);

        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 12346.0, \"username\": \"acme\"}")));
        refresh();
        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(12346);
    }

    @Test
    void keepsTheQuotaFactsOfTheUsageHeaders() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("ig-user.json"))
                        .withHeader("X-App-Usage", "{\"call_count\": 12, \"total_cputime\": 3, \"total_time\": 4}")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"" + IG_USER + "\": [{\"type\": \"instagram\","
                                        + " \"call_count\": 41, \"total_cputime\": 2, \"total_time\": 5,"
                                        + " \"estimated_time_to_regain_access\": 0}]}")));

        refresh();

        assertThat(store.stateOf(SOURCE).snapshot().quota())
                .isEqualTo(new QuotaUsage(41, null, Map.of("call_count", 41, "total_cputime", 3, "total_time", 5)));
        // ticker_provider_quota_ratio{source,kind}: the share of each limit, 0-1, for dashboards and alerts.
        String scrape = management.get("/actuator/prometheus").body();
        assertThat(scrape)
                .containsPattern("ticker_provider_quota_ratio\\{[^}]*kind=\"call_count\"[^}]*source=\"" + SOURCE.id()
                        + "\"[^}]*} 0\\.41\n");
        assertThat(scrape)
                .containsPattern("ticker_provider_quota_ratio\\{[^}]*kind=\"total_time\"[^}]*source=\"" + SOURCE.id()
                        + "\"[^}]*} 0\\.05\n");
    }

    @Test
    void absentUsageHeadersMeanUnknownQuota() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("ig-user.json"))));
        refresh();
        assertThat(store.stateOf(SOURCE).snapshot().quota()).isNull();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("HTTP 500", aResponse().withStatus(500), "UPSTREAM_UNAVAILABLE", 500, 3),
                Arguments.of(
                        "HTTP 503 HTML page",
                        aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "text/html")
                                .withBody(fixture("service-unavailable.html")),
                        "UPSTREAM_UNAVAILABLE",
                        503,
                        3),
                Arguments.of(
                        "HTTP 429, Retry-After beyond the refresh budget",
                        aResponse().withStatus(429).withHeader("Retry-After", "3600"),
                        "RATE_LIMITED",
                        429,
                        1),
                Arguments.of("read timeout", okJson(fixture("ig-user.json")).withFixedDelay(2_000), "TIMEOUT", null, 3),
                Arguments.of(
                        "Graph 190 invalid token",
                        graphError(400, "error-190-invalid-token.json"),
                        "AUTH_FAILED",
                        400,
                        1),
                Arguments.of(
                        "Graph 4 app rate limit",
                        graphError(403, "error-4-app-rate-limit.json"),
                        "RATE_LIMITED",
                        403,
                        1),
                Arguments.of(
                        "Graph 17 user rate limit",
                        graphError(400, "error-17-user-rate-limit.json"),
                        "RATE_LIMITED",
                        400,
                        1),
                Arguments.of(
                        "Graph 613 custom rate limit",
                        graphError(400, "error-613-custom-rate-limit.json"),
                        "RATE_LIMITED",
                        400,
                        1),
                Arguments.of(
                        "Graph 100/33 unknown user",
                        graphError(400, "error-100-33-unknown-user.json"),
                        "NOT_FOUND",
                        400,
                        1),
                Arguments.of("HTTP 404", aResponse().withStatus(404), "NOT_FOUND", 404, 1),
                Arguments.of("HTTP 401", aResponse().withStatus(401), "AUTH_FAILED", 401, 1),
                Arguments.of("malformed JSON", okJson("{\"followers_count\": 12,"), "INVALID_PAYLOAD", 200, 1),
                Arguments.of("empty body", aResponse().withStatus(200), "INVALID_PAYLOAD", 200, 1),
                Arguments.of(
                        "HTML with 200",
                        aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html")
                                .withBody(fixture("service-unavailable.html")),
                        "INVALID_PAYLOAD",
                        200,
                        1),
                Arguments.of(
                        "negative count",
                        okJson("{\"followers_count\": -5, \"username\": \"acme\"}"),
                        "INVALID_PAYLOAD",
                        200,
                        1),
                Arguments.of(
                        "non-numeric string",
                        okJson("{\"followers_count\": \"abc\", \"username\": \"acme\"}"),
                        "INVALID_PAYLOAD",
                        200,
                        1),
                Arguments.of(
                        "huge number",
                        okJson("{\"followers_count\": 1e20, \"username\": \"acme\"}"),
                        "INVALID_PAYLOAD",
                        200,
                        1),
                Arguments.of(
                        "fractional count",
                        okJson("{\"followers_count\": 12.5, \"username\": \"acme\"}"),
                        "INVALID_PAYLOAD",
                        200,
                        1),
                Arguments.of(
                        "missing field",
                        okJson("{\"username\": \"acme\", \"id\": \"" + IG_USER + "\"}"),
                        "INVALID_PAYLOAD",
                        200,
                        1));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failures")
    void aFailedRefreshKeepsTheLastGoodValueAndSaysWhy(
            String name,
            ResponseDefinitionBuilder failure,
            String code,
            Integer httpStatus,
            int attempts,
            CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("ig-user.json"))));
        refresh();
        upstream.resetAll();
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(failure));
        // The application is shared: an earlier test may have counted this outcome already.
        double countedBefore = failedRefreshes(code);

        refresh();

        assertThat(failedRefreshes(code)).as("this failure counted once").isEqualTo(countedBefore + 1);
        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot().total()).as("last good value").isEqualTo(267788);
        assertThat(state.failure().code().name()).isEqualTo(code);
        assertThat(state.failure().httpStatus()).isEqualTo(httpStatus);
        assertThat(state.failure().attempts()).isEqualTo(attempts);
        assertThat(upstream.getAllServeEvents()).hasSize(attempts);

        HttpResponse<String> response = api.get(tickerOf("instagram"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(response);
        assertThat(body.get("total").asLong()).isEqualTo(267788);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/attempts").asInt()).isEqualTo(attempts);
        assertThat(body.at("/sources/0/stale").asBoolean()).isTrue();
        assertThat(body.at("/sources/0/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).doesNotContain("Exception", "\tat ", upstream.baseUrl());
        assertThat(response.body()).doesNotContain(TOKEN);
        assertThat(management.get("/actuator/prometheus").body())
                .contains("ticker_refreshes_total")
                .contains(
                        "ticker_refresh_duration_seconds_bucket{", "outcome=\"" + code.toLowerCase(Locale.ROOT) + "\"")
                .doesNotContain(TOKEN);
        assertThat(output.getAll()).doesNotContain(TOKEN);
        // One log line per attempt: the success before, each retried failure, the last failure.
        assertThat(output.getAll())
                .contains("Refresh of source " + SOURCE.id() + " (instagram) succeeded at attempt 1 in ")
                .contains("Refresh of source " + SOURCE.id() + " (instagram) failed: " + code + " after " + attempts
                        + " attempt(s)");
        for (int attempt = 1; attempt < attempts; attempt++) {
            assertThat(output.getAll())
                    .contains("Refresh attempt " + attempt + " of source " + SOURCE.id() + " (instagram) failed: "
                            + code + " at ");
        }
        assertThat(output.getAll()).doesNotContain("Refresh attempt " + attempts + " of source " + SOURCE.id());
    }

    @Test
    void aSuccessAfterAFailureClearsTheError() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        refresh();
        assertThat(store.stateOf(SOURCE).failure()).isNotNull();

        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("ig-user.json"))));
        refresh();

        assertThat(store.stateOf(SOURCE).failure()).isNull();
        JsonNode body = ApiClient.json(api.get(tickerOf("instagram")));
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("stale").asBoolean()).isFalse();
    }

    @Test
    void aTransientFailureThatRecoversWithinTheRetriesIsNotAFailure() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(fixture("ig-user.json"))));

        refresh();

        assertThat(store.stateOf(SOURCE).failure()).isNull();
        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(267788);
        assertThat(upstream.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aShortRetryAfterIsHonouredByTheGateNeverBySleepingInsideTheRefresh() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("limited")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5"))
                .willSetStateTo("open"));
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .inScenario("limited")
                .whenScenarioStateIs("open")
                .willReturn(okJson(fixture("ig-user.json"))));

        refresh();

        // The wait fits the 30 s budget; still it is not slept through: recorded now, the gate defers.
        assertThat(upstream.getAllServeEvents())
                .as("one call, no retry after 5 s")
                .hasSize(1);
        assertThat(store.stateOf(SOURCE).failure().code().name()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(store.stateOf(SOURCE).failure().message())
                .endsWith("next call not before " + clock.instant().plusSeconds(5));

        refresh();

        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(267788);
        assertThat(upstream.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aLongRetryAfterDefersTheNextRefreshWhoeverAsks() {
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        refresh();
        refresh();
        refresh();
        assertThat(upstream.getAllServeEvents())
                .as("one call, then the gate holds")
                .hasSize(1);
    }

    private void refresh() {
        refresh(SOURCE);
    }

    private double failedRefreshes(String code) {
        Counter counted = meters.find("ticker.refreshes")
                .tag("source", SOURCE.id())
                .tag("outcome", code.toLowerCase(Locale.ROOT))
                .counter();
        return counted == null ? 0 : counted.count();
    }

    private static ResponseDefinitionBuilder graphError(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        return Fixtures.read("instagram", name);
    }
}
