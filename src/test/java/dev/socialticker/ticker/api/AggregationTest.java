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
import dev.socialticker.ticker.support.UpstreamServiceTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Instagram + GitHub + Mastodon summed in one answer; one failing leaves the others fresh. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticker.sources[0].provider=instagram",
        "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
        "ticker.sources[0].id=acme-instagram",
        "ticker.providers.instagram.access-token=t",
        "ticker.sources[1].provider=github",
        "ticker.sources[1].account=octocat",
        "ticker.sources[2].provider=mastodon",
        "ticker.sources[2].account=Gargron@mastodon.social",
        "ticker.refresh.initial-delay=1h",
        "ticker.refresh.retry.backoff=10ms"})
class AggregationTest extends UpstreamServiceTest {
    static final TickerSource INSTAGRAM = new TickerSource("acme-instagram", "instagram", IG_USER);
    static final TickerSource GITHUB = new TickerSource("github-octocat", "github", "octocat");
    static final TickerSource MASTODON = new TickerSource("mastodon-gargron-mastodon-social", "mastodon",
            "Gargron@mastodon.social");

    @Test
    void sumsEverySourceAndKeepsAFailingOnesLastValueFlagged() {
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json"))));
        refresh(INSTAGRAM, GITHUB, MASTODON);

        JsonNode healthy = ApiClient.json(api.get("/api/metrics"));
        assertThat(healthy.get("total").asLong()).isEqualTo(267788 + 20 + 322930);
        assertThat(healthy.get("stale").asBoolean()).isFalse();
        assertThat(healthy.get("profile").isNull()).isTrue();

        upstream.stubFor(get(urlPathEqualTo("/users/octocat")).willReturn(aResponse().withStatus(503)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(okJson(
                Fixtures.read("mastodon", "account.json").replace("322930", "322931"))));
        refresh(INSTAGRAM, GITHUB, MASTODON);

        JsonNode body = ApiClient.json(api.get("/api/metrics"));
        assertThat(body.get("total").asLong()).as("GitHub's last known 20 still counts").isEqualTo(267788 + 20 + 322931);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.at("/sources/0/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/1/stale").asBoolean()).isTrue();
        assertThat(body.at("/sources/1/total").asLong()).isEqualTo(20);
        assertThat(body.at("/sources/1/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.at("/sources/2/stale").asBoolean()).isFalse();
        assertThat(body.at("/sources/2/error").isNull()).isTrue();
    }
}
