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
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.alert.AlertEndpoints;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import dev.socialticker.ticker.token.TokenStatus;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * routes/tiktok.camel.yaml against a WireMock Display API and token endpoint on loopback, with TikTok's
 * documented answers (src/test/resources/providers/tiktok/README.md): the access token is obtained with
 * the refresh token a sign-in left (here the seed setting), in TikTok's form ({@code client_key}); the
 * rotated refresh token and its 365-day expiry are kept; TikTok's error codes map to the service's,
 * and a refused refresh says to sign in again. In order: each test starts from the token the one
 * before left.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TikTokProviderTest extends TokenProvidersServiceTest {
    static final String TOKEN_PATH = "/v2/oauth/token/";
    static final String USER_INFO = "/v2/user/info/";
    static final String ACCESS_TOKEN = "act.example12345Example12345Example";
    static final String ROTATED = "rft.example12345Example12345Example";

    @Autowired
    SnapshotStore store;

    @Autowired
    TokenStatus tokens;

    @Test
    @Order(1)
    void theRefreshTokenObtainsTheAccessTokenInTikToksFormAndTheRotatedOneIsKept(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
        upstream.stubFor(get(urlPathEqualTo(USER_INFO))
                .withQueryParam("fields", equalTo("follower_count,display_name"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson(fixture("user-info.json"))));

        refresh(TIKTOK);

        SourceState state = store.stateOf(TIKTOK);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(1234);
        assertThat(state.snapshot().profile()).isEqualTo("Tik Toker");
        upstream.verify(
                1,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withRequestBody(containing("grant_type=refresh_token&refresh_token=" + TIKTOK_SEED))
                        .withRequestBody(containing("&client_key=" + TIKTOK_CLIENT_KEY))
                        .withRequestBody(containing("&client_secret=" + TIKTOK_CLIENT_SECRET)));
        assertThat(tokens.rotatedToken("tiktok")).hasValue(ACCESS_TOKEN);
        assertThat(tokens.refreshToken("tiktok")).hasValue(ROTATED);
        assertThat(tokens.refreshExpiresAt("tiktok"))
                .isEqualTo(tokens.expiresAt("tiktok")
                        .minus(Duration.ofSeconds(86400))
                        .plus(Duration.ofSeconds(31536000)));
        assertThat(output.getAll())
                .contains(
                        "The TikTok token was renewed with the refresh token, which rotated (the new one is kept); the"
                                + " new one expires at")
                .doesNotContain(ACCESS_TOKEN)
                .doesNotContain(ROTATED)
                .doesNotContain(TIKTOK_SEED)
                .doesNotContain(TIKTOK_CLIENT_SECRET);
    }

    @Test
    @Order(2)
    void aDayLaterTheExpiredTokenIsRenewedAndTikToksRateLimitIsRateLimited() {
        // A day has passed (each test starts one later): the 24-hour access token is renewed first.
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
        upstream.stubFor(get(urlPathEqualTo(USER_INFO)).willReturn(json(429, "rate-limited.json")));

        refresh(TIKTOK);

        assertThat(store.stateOf(TIKTOK).failure().code().name()).isEqualTo("RATE_LIMITED");
        upstream.verify(
                1,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=" + ROTATED)));
    }

    @Test
    @Order(3)
    void aRenewalTikTokRefusesRaisesTheTokenExpiryAlert(CapturedOutput output) {
        // From a clean slate: the source works, and whatever other classes of this context left open for it
        // (an auth incident would rightly silence this rule, being more specific) has been clear for longer
        // than resolve-after (5 minutes) at a check.
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
        upstream.stubFor(get(urlPathEqualTo(USER_INFO)).willReturn(okJson(fixture("user-info.json"))));
        refresh(TIKTOK);
        assertThat(store.stateOf(TIKTOK).failure()).isNull();
        producer.sendBody(AlertEndpoints.CHECK, null);
        clock.advance(Duration.ofMinutes(6));
        producer.sendBody(AlertEndpoints.CHECK, null);
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "refresh-refused.json")));

        // As the hourly check does when the token nears its end.
        producer.sendBody(camel.getRoute("tiktok-token-refresh").getEndpoint(), null);
        producer.sendBody(AlertEndpoints.CHECK, null);

        await().alias("the token-expiry ALERT on Slack")
                .until(() -> SLACK.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).stream()
                        .map(LoggedRequest::getBodyAsString)
                        .anyMatch(alert -> alert.contains("ALERT " + TIKTOK.id() + ": the access token expires soon")
                                && alert.contains(
                                        "obtaining the token failed: TikTok answered HTTP 400 invalid_grant")));
        assertThat(output.getAll()).doesNotContain(ROTATED).doesNotContain(TIKTOK_CLIENT_SECRET);
    }

    @Test
    @Order(4)
    void aRefusedTokenAndARefusedRefreshAreAuthFailedSayingToSignInAgain(CapturedOutput output) {
        // TikTok refuses the access token, and then the refresh token: the person must sign in again.
        upstream.stubFor(get(urlPathEqualTo(USER_INFO)).willReturn(json(401, "access-token-invalid.json")));
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "refresh-refused.json")));
        // Within the day of the token renewed a moment ago, so the API's refusal is what asks for a new one.
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + ROTATED))
                .inScenario("renewal")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("token.json")))
                .willSetStateTo("refused"));

        refresh(TIKTOK);

        SourceState state = store.stateOf(TIKTOK);
        assertThat(state.failure().code().name()).isEqualTo("AUTH_FAILED");
        // The API's refusal is what the source says (its file's words); the refused renewal, the token rule.
        assertThat(state.failure().message())
                .isEqualTo("TikTok refused the access token (access_token_invalid): connect the account again with"
                        + " --authorize tiktok if renewing it fails");
        upstream.verify(
                2,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=" + ROTATED)));
        upstream.verify(1, getRequestedFor(urlPathEqualTo(USER_INFO)));
        assertThat(tokens.refreshProblem("tiktok"))
                .isEqualTo("obtaining the token failed: TikTok answered HTTP 400 invalid_grant");
        assertThat(output.getAll())
                .contains("The TikTok token could not be obtained: TikTok answered HTTP 400 invalid_grant")
                .doesNotContain(ROTATED)
                .doesNotContain("The provided authorization grant");
    }

    private static ResponseDefinitionBuilder json(int status, String name) {
        return Fixtures.answer(status, "tiktok", name);
    }

    private static String fixture(String name) {
        return Fixtures.read("tiktok", name);
    }
}
