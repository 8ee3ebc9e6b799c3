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
import org.junit.jupiter.api.Test;

/**
 * Every source summed in one answer (the shared application's, one of each built-in provider);
 * one failing leaves the others fresh.
 */
class AggregationTest extends SharedServiceTest {
    static final TickerSource INSTAGRAM = new TickerSource("instagram-" + IG_USER, "instagram", IG_USER);
    static final TickerSource GITHUB = new TickerSource("github-octocat", "github", "octocat");
    static final TickerSource MASTODON =
            new TickerSource("mastodon-gargron-mastodon-social", "mastodon", "Gargron@mastodon.social");
    static final TickerSource BLUESKY = new TickerSource("bluesky-bsky-app", "bluesky", "bsky.app");
    static final TickerSource YOUTUBE =
            new TickerSource("youtube-uc-x5xg1ov2p6uzz5fsm9ttw", "youtube", YOUTUBE_CHANNEL);
    /** What Bluesky's and YouTube's fixtures count, both fresh throughout. */
    static final long OTHERS = 32816419 + 2480000;

    @Test
    void sumsEverySourceAndKeepsAFailingOnesLastValueFlagged() {
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json"))));
        upstream.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
                .willReturn(okJson(Fixtures.read("bluesky", "profile.json"))));
        upstream.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(okJson(Fixtures.read("youtube", "channel.json"))));
        refresh(INSTAGRAM, GITHUB, MASTODON, BLUESKY, YOUTUBE);

        JsonNode healthy = ApiClient.json(api.get("/api/metrics"));
        assertThat(healthy.get("total").asLong()).isEqualTo(267788 + 20 + 322930 + OTHERS);
        assertThat(healthy.get("stale").asBoolean()).isFalse();
        assertThat(healthy.get("profile").isNull()).isTrue();

        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(aResponse().withStatus(503)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json").replace("322930", "322931"))));
        refresh(INSTAGRAM, GITHUB, MASTODON, BLUESKY, YOUTUBE);

        JsonNode body = ApiClient.json(api.get("/api/metrics"));
        assertThat(body.get("total").asLong())
                .as("GitHub's last known 20 still counts")
                .isEqualTo(267788 + 20 + 322931 + OTHERS);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.at("/sources/0/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/1/stale").asBoolean()).isTrue();
        assertThat(body.at("/sources/1/total").asLong()).isEqualTo(20);
        assertThat(body.at("/sources/1/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.at("/sources/2/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/2/error").isNull()).isTrue();
        assertThat(body.at("/sources/3/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/4/stale").asBoolean()).isFalse();
    }
}
