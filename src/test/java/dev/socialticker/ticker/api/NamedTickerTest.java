package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Named tickers: a group of sources with a body, an ETag and a page of its own. */
class NamedTickerTest extends SharedServiceTest {
    // The sources of AggregationTest, grouped.
    static final TickerSource INSTAGRAM = AggregationTest.INSTAGRAM;
    static final TickerSource GITHUB = AggregationTest.GITHUB;
    static final TickerSource MASTODON = AggregationTest.MASTODON;

    @Test
    void aTickerSumsItsOwnSourcesWithItsOwnTagAndStaleness() {
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(aResponse().withStatus(503)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json"))));
        refresh(INSTAGRAM, GITHUB, MASTODON);

        HttpResponse<String> social = api.get("/api/tickers/social");
        assertThat(social.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(social);
        assertThat(body.get("total").asLong()).isEqualTo(267788 + 322930);
        assertThat(body.get("stale").asBoolean())
                .as("both of its sources are fresh")
                .isFalse();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("sources"))
                .extracting(source -> source.get("id").asText())
                .containsExactly(INSTAGRAM.id(), MASTODON.id());
        assertThat(social.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("public, max-age="));
        String etag = social.headers().firstValue("ETag").orElseThrow();
        assertThat(etag)
                .isNotEqualTo(
                        api.get("/api/metrics").headers().firstValue("ETag").orElseThrow());
        assertThat(api.get("/api/tickers/social", "If-None-Match", etag).statusCode())
                .isEqualTo(304);

        HttpResponse<String> code = api.get("/api/tickers/code");
        assertThat(code.statusCode()).as("its one source never had a count").isEqualTo(503);
        assertThat(ApiClient.json(code).at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(api.get("/api/tickers/social?format=smiirl").body())
                .isEqualTo("{\"number\":" + (267788 + 322930) + "}");
    }

    @Test
    void anUnknownOrMalformedNameIsAnsweredInTheApisErrorShape() {
        HttpResponse<String> unknown = api.get("/api/tickers/lobby");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).at("/error/code").asText()).isEqualTo("TICKER_NOT_FOUND");

        HttpResponse<String> malformed = api.get("/api/tickers/Not_A_Name");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(malformed).at("/error/code").asText()).isEqualTo("INVALID_TICKER_NAME");
    }
}
