package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.time.Duration;
import java.time.Instant;
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

/** routes/github.camel.yaml against a WireMock GitHub REST API on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class GitHubProviderTest extends SharedServiceTest {
    static final String TOKEN = GITHUB_TOKEN;
    static final TickerSource SOURCE = new TickerSource("github-octocat", "github", "octocat");
    static final String PATH = "/users/octocat";

    @Autowired
    SnapshotStore store;

    @Autowired
    RefreshGate gate;

    @Test
    void storesFollowersAndLoginWithTheTokenAsBearer(CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("user.json"))
                        .withHeader("x-ratelimit-limit", "5000")
                        .withHeader("x-ratelimit-remaining", "4000")));

        refresh(SOURCE);

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot().total()).isEqualTo(20);
        assertThat(state.snapshot().profile()).isEqualTo("octocat");
        assertThat(state.snapshot().quota()).isEqualTo(new QuotaUsage(20, null, Map.of("rate_limit", 20)));
        assertThat(state.failure()).isNull();
        upstream.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("If-None-Match", absent())
                .withoutHeader("TickerSourceId"));
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void keepsTheETagAndAnUnchangedCountCostsA304() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .withHeader("If-None-Match", absent())
                .willReturn(okJson(fixture("user.json")).withHeader("ETag", "W/\"abc123\"")));
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .withHeader("If-None-Match", equalTo("W/\"abc123\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "W/\"abc123\"")));
        refresh(SOURCE);
        Instant first = store.stateOf(SOURCE).snapshot().refreshedAt();

        refresh(SOURCE);

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(20);
        assertThat(state.snapshot().profile()).isEqualTo("octocat");
        assertThat(state.snapshot().refreshedAt())
                .as("confirmed now")
                .isAfter(first)
                .isEqualTo(clock.instant());
        assertThat(state.snapshot().etag()).isEqualTo("W/\"abc123\"");
        upstream.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withHeader("If-None-Match", equalTo("W/\"abc123\"")));
        assertThat(api.get(tickerOf("github")).body()).contains("\"total\":20").contains("\"stale\":false");
    }

    @Test
    void aNewCountReplacesTheETag() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("user.json")).withHeader("ETag", "\"v1\"")));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("user.json").replace("\"followers\": 20", "\"followers\": 21"))
                        .withHeader("ETag", "\"v2\"")));

        refresh(SOURCE);

        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(21);
        assertThat(store.stateOf(SOURCE).snapshot().etag()).isEqualTo("\"v2\"");
    }

    @Test
    void headersTheUpstreamSendsCannotRedirectTheResult() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("user.json"))));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("user.json").replace("\"followers\": 20", "\"followers\": 21"))
                        .withHeader("TickerSourceId", "someone-else")
                        .withHeader("TickerNotModified", "true")));

        refresh(SOURCE);

        assertThat(store.stateOf(SOURCE).snapshot().total())
                .as("not 'not modified'")
                .isEqualTo(21);
        assertThat(store.stateOf(new TickerSource("someone-else", "github", "x"))
                        .hasData())
                .isFalse();
    }

    @Test
    void aSpentRateLimitWaitsUntilItsReset() {
        long reset = clock.instant().plus(Duration.ofMinutes(30)).getEpochSecond();
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("user.json"))));
        refresh(SOURCE);
        upstream.resetAll();
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture("rate-limit-exceeded.json"))
                        .withHeader("x-ratelimit-limit", "60")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", Long.toString(reset))));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 20, "RATE_LIMITED", 403, 1);
        assertThat(gate.nextAttemptAt(SOURCE.id())).isEqualTo(Instant.ofEpochSecond(reset));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("404 unknown login", json(404, "not-found.json"), "NOT_FOUND", 404, 1),
                Arguments.of("401 bad credentials", json(401, "bad-credentials.json"), "AUTH_FAILED", 401, 1),
                Arguments.of(
                        "403 secondary rate limit",
                        json(403, "rate-limit-exceeded.json").withHeader("Retry-After", "60"),
                        "RATE_LIMITED",
                        403,
                        1),
                Arguments.of("502 bad gateway", aResponse().withStatus(502), "UPSTREAM_UNAVAILABLE", 502, 3),
                Arguments.of("followers missing", okJson("{\"login\": \"octocat\"}"), "INVALID_PAYLOAD", 200, 1));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failures")
    void failuresKeepTheLastGoodCount(
            String name, ResponseDefinitionBuilder failure, String code, Integer status, int attempts) {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("user.json"))));
        refresh(SOURCE);
        upstream.resetAll();
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(failure));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 20, code, status, attempts);
        assertThat(upstream.getAllServeEvents()).hasSize(attempts);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        return Fixtures.read("github", name);
    }
}
