package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.http.JsonOverHttpRequestTest;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * routes/mastodon.camel.yaml against a WireMock Mastodon server on loopback. The base URL is
 * overridden here; deriving {@code https://{host}} from {@code user@host} is pinned by
 * {@link JsonOverHttpRequestTest}.
 */
class MastodonProviderTest extends SharedServiceTest {
    static final TickerSource SOURCE =
            new TickerSource("mastodon-gargron-mastodon-social", "mastodon", "Gargron@mastodon.social");
    static final String PATH = "/api/v1/accounts/lookup";

    @Autowired
    SnapshotStore store;

    @Test
    void looksTheUserUpOnItsServer() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("acct", equalTo("Gargron"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json"))));

        refresh(SOURCE);

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(322930);
        assertThat(state.snapshot().profile()).isEqualTo("Gargron");
        upstream.verify(getRequestedFor(urlPathEqualTo(PATH)).withoutHeader("Authorization"));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(Fixtures.read("mastodon", "account.json"))));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mastodon", "record-not-found.json"))));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 322930, "NOT_FOUND", 404, 1);
    }
}
