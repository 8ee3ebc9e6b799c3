package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/status}, the status console's data: every source in the configuration's order with
 * the state its body shows, the refresher's next attempt, its failure and its quota; for anyone, so
 * never a secret.
 */
class StatusApiTest extends SharedServiceTest {

    @Test
    void beforeAnyRefreshEverySourceHasNoData() {
        JsonNode status = ApiClient.json(api.get("/api/status"));

        assertThat(ids(status))
                .containsExactlyElementsOf(
                        SOURCES.stream().map(source -> source.id()).toList());
        for (JsonNode source : status.get("sources")) {
            assertThat(source.get("state").asText())
                    .as(source.get("id").asText())
                    .isEqualTo("no-data");
            assertThat(source.get("total").isNull()).isTrue();
            assertThat(source.get("days")).isEmpty();
        }
        assertThat(status.get("fleet").isNull())
                .as("an instance alone has no fleet")
                .isTrue();
    }

    @Test
    void eachSourceIsLiveStaleOrFailingWithItsReasonItsNextAttemptAndItsQuota() {
        everySourceRefreshed();
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(aResponse().withStatus(502)));
        refresh(SOURCES.get(1));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
        refresh(SOURCES.get(2));
        Instant rateLimitedAt = clock.instant();
        // Last: each refresh is a minute after the one before, and this one is to be live.
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-App-Usage", "{\"call_count\": 42, \"total_cputime\": 3, \"total_time\": 5}")
                        .withBody(Fixtures.read("instagram", "ig-user.json"))));
        refresh(SOURCES.get(0));

        HttpResponse<String> response = api.get("/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        JsonNode status = ApiClient.json(response);
        assertThat(Instant.parse(status.get("generatedAt").asText())).isEqualTo(clock.instant());
        JsonNode instagram = status.at("/sources/0");
        assertThat(instagram.get("state").asText()).isEqualTo("live");
        assertThat(instagram.get("total").asLong()).isEqualTo(267788);
        assertThat(instagram.get("profile").asText()).isEqualTo("acme");
        assertThat(instagram.get("quotaUsedPercent").asInt()).isEqualTo(42);
        assertThat(instagram.get("error").isNull()).isTrue();
        assertThat(instagram.get("refreshing").asBoolean()).isFalse();
        assertThat(Instant.parse(instagram.get("nextAttemptAt").asText()))
                .as("refreshed just now: min-interval (30 s) later")
                .isEqualTo(clock.instant().plusSeconds(30));
        assertThat(instagram.get("days")).isNotEmpty();

        JsonNode github = status.at("/sources/1");
        assertThat(github.get("state").asText()).isEqualTo("failing");
        assertThat(github.get("total").asLong()).as("the last good count").isPositive();
        assertThat(github.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(github.at("/error/httpStatus").asInt()).isEqualTo(502);
        assertThat(github.get("quotaUsedPercent").isNull())
                .as("GitHub's stub sent no rate-limit headers")
                .isTrue();
        JsonNode mastodon = status.at("/sources/2");
        assertThat(mastodon.get("state").asText()).isEqualTo("failing");
        assertThat(mastodon.at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Instant.parse(mastodon.get("nextAttemptAt").asText()))
                .as("the wait Mastodon asked for")
                .isEqualTo(rateLimitedAt.plusSeconds(600));
        for (int i = 3; i < SOURCES.size(); i++) {
            assertThat(status.at("/sources/" + i + "/state").asText())
                    .as("read before three more refreshes, a minute apart: past stale-after")
                    .isEqualTo("stale");
        }
        assertThat(response.body())
                .doesNotContain(INSTAGRAM_TOKEN, GITHUB_TOKEN, YOUTUBE_KEY, ADMIN_TOKEN, upstream.baseUrl());
    }

    private static List<String> ids(JsonNode status) {
        List<String> ids = new ArrayList<>();
        status.get("sources").forEach(source -> ids.add(source.get("id").asText()));
        return ids;
    }
}
