package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** routes/bluesky.camel.yaml against a WireMock Bluesky AppView on loopback. */
class BlueskyProviderTest extends SharedServiceTest {
    static final TickerSource SOURCE = new TickerSource("bluesky-bsky-app", "bluesky", "bsky.app");
    static final String PATH = "/xrpc/app.bsky.actor.getProfile";

    @Autowired
    SnapshotStore store;

    @Autowired
    RefreshGate gate;

    @Test
    void readsTheProfileAndItsRateLimitHeaders() {
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam("actor", equalTo("bsky.app"))
                .willReturn(okJson(profile())
                        .withHeader("ratelimit-limit", "3000")
                        .withHeader("ratelimit-remaining", "2997")
                        .withHeader("ratelimit-policy", "3000;w=300")));

        refresh(SOURCE);

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(32816419);
        assertThat(state.snapshot().profile()).isEqualTo("bsky.app");
        assertThat(state.snapshot().quota()).isEqualTo(new QuotaUsage(0, null, Map.of("rate_limit", 0)));
    }

    @Test
    void anUnknownActorIsNotFound() {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(profile())));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(error(400, "profile-not-found.json")));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 32816419, "NOT_FOUND", 400, 1);
    }

    @Test
    void aSpentRateLimitWaitsUntilItsReset() {
        long reset = clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond();
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(profile())));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(error(429, "rate-limit-exceeded.json")
                        .withHeader("ratelimit-limit", "3000")
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", Long.toString(reset))));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 32816419, "RATE_LIMITED", 429, 1);
        assertThat(gate.nextAttemptAt(SOURCE.id())).isEqualTo(Instant.ofEpochSecond(reset));
    }

    private static String profile() {
        return Fixtures.read("bluesky", "profile.json");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("bluesky", fixture));
    }
}
