package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import dev.socialticker.ticker.token.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * routes/twitch.camel.yaml against a WireMock Helix API and token endpoint on loopback: the app token
 * is obtained with the client credentials before the first call, reused, obtained anew when Twitch
 * refuses it (401, then the call is made once more), and no secret reaches a log line. In order: each
 * test starts from the token the previous one left.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwitchProviderTest extends TokenProvidersServiceTest {
    static final String TOKEN_PATH = "/oauth2/token";
    static final String FIRST_TOKEN = "jostpf5q0uzmxmkba9iyug38kjtgh";
    static final String SECOND_TOKEN = "second-app-token-2b3c4d5e6f";

    @Autowired
    SnapshotStore store;

    @Autowired
    TokenStatus tokens;

    @Autowired
    RefreshGate gate;

    @Test
    @Order(1)
    void obtainsAnAppTokenBeforeTheFirstCallAndReusesIt(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("oauth2-token.json"))));
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH))
                .withQueryParam("broadcaster_id", equalTo(BROADCASTER))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("Client-Id", equalTo(CLIENT_ID))
                .willReturn(okJson(fixture("channel-followers.json"))));

        refresh(TWITCH);
        refresh(TWITCH);

        SourceState state = store.stateOf(TWITCH);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(8);
        upstream.verify(
                1,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withRequestBody(containing("client_id=" + CLIENT_ID))
                        .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                        .withRequestBody(containing("grant_type=client_credentials")));
        upstream.verify(2, getRequestedFor(urlPathEqualTo(TWITCH_PATH)).withoutHeader("TickerSourceId"));
        assertThat(tokens.rotatedToken("twitch")).hasValue(FIRST_TOKEN);
        assertThat(tokens.expiresAt("twitch")).isNotNull();
        assertThat(output.getAll())
                .contains("The Twitch token was obtained; the new one expires at")
                .doesNotContain(FIRST_TOKEN)
                .doesNotContain(CLIENT_SECRET)
                .doesNotContain(CLIENT_ID);
    }

    @Test
    @Order(2)
    void aRefusedTokenIsObtainedAnewAndTheCallMadeOnceMore(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\": \"" + SECOND_TOKEN + "\", \"expires_in\": 5011271,"
                        + " \"token_type\": \"bearer\"}")));
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(json(401, "unauthorized.json")));
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .withHeader("Client-Id", equalTo(CLIENT_ID))
                .willReturn(okJson(fixture("channel-followers.json").replace("\"total\": 8", "\"total\": 9"))));

        refresh(TWITCH);

        SourceState state = store.stateOf(TWITCH);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(9);
        upstream.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        upstream.verify(2, getRequestedFor(urlPathEqualTo(TWITCH_PATH)));
        assertThat(tokens.rotatedToken("twitch")).hasValue(SECOND_TOKEN);
        assertThat(output.getAll())
                .doesNotContain(FIRST_TOKEN)
                .doesNotContain(SECOND_TOKEN)
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    @Order(3)
    void aTokenRefusedAgainAfterTheNewOneIsAuthFailedWithOneNewTokenOnly(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("oauth2-token.json"))));
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH)).willReturn(json(401, "unauthorized.json")));

        refresh(TWITCH);

        SourceState state = store.stateOf(TWITCH);
        assertThat(state.failure()).isNotNull();
        assertThat(state.failure().code().name()).isEqualTo("AUTH_FAILED");
        assertThat(state.failure().httpStatus()).isEqualTo(401);
        assertThat(state.failure().message()).contains("Twitch refused the app access token");
        upstream.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        upstream.verify(2, getRequestedFor(urlPathEqualTo(TWITCH_PATH)));
        assertThat(output.getAll()).doesNotContain(FIRST_TOKEN).doesNotContain(CLIENT_SECRET);
    }

    @Test
    @Order(4)
    void aRateLimitWaitsUntilRatelimitReset() {
        long reset = clock.instant().plus(Duration.ofMinutes(30)).getEpochSecond();
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH))
                .willReturn(json(429, "too-many-requests.json")
                        .withHeader("Ratelimit-Limit", "800")
                        .withHeader("Ratelimit-Remaining", "0")
                        .withHeader("Ratelimit-Reset", Long.toString(reset))));

        refresh(TWITCH);

        SourceState state = store.stateOf(TWITCH);
        assertThat(state.failure().code().name()).isEqualTo("RATE_LIMITED");
        assertThat(state.failure().httpStatus()).isEqualTo(429);
        assertThat(gate.nextAttemptAt(TWITCH.id())).isEqualTo(Instant.ofEpochSecond(reset));
        upstream.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    @Order(5)
    void anUnknownBroadcasterIsNotFound() {
        upstream.stubFor(get(urlPathEqualTo(TWITCH_PATH)).willReturn(json(400, "bad-broadcaster.json")));

        refresh(TWITCH);

        assertThat(store.stateOf(TWITCH).failure().code().name()).isEqualTo("NOT_FOUND");
    }

    @Test
    @Order(6)
    void refusedClientCredentialsAreAuthFailedAndRaiseTheTokenAlertRule(CapturedOutput output) {
        // Past the token's expiry: the next call needs a new one, and the token endpoint refuses the client.
        clock.advance(Duration.ofDays(60));
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(json(400, "unauthorized.json")
                        .withBody("{\"status\": 400, \"message\": \"invalid client secret\"}")));

        refresh(TWITCH);

        SourceState state = store.stateOf(TWITCH);
        assertThat(state.failure().code().name()).isEqualTo("AUTH_FAILED");
        assertThat(state.failure().message())
                .isEqualTo("The client credentials were refused by the token endpoint (HTTP 400)");
        upstream.verify(0, getRequestedFor(urlPathEqualTo(TWITCH_PATH)));
        assertThat(tokens.refreshProblem("twitch")).isEqualTo("obtaining the token failed: Twitch answered HTTP 400");
        assertThat(output.getAll())
                .contains("The Twitch token could not be obtained: Twitch answered HTTP 400")
                .doesNotContain(CLIENT_SECRET);
    }

    private static ResponseDefinitionBuilder json(int status, String name) {
        return Fixtures.answer(status, "twitch", name);
    }

    private static String fixture(String name) {
        return Fixtures.read("twitch", name);
    }
}
