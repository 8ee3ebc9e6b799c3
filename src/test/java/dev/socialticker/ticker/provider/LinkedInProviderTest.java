package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import dev.socialticker.ticker.token.TokenStatus;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * routes/linkedin.camel.yaml against a WireMock of LinkedIn's versioned API and token endpoint on
 * loopback, with its documented answers (src/test/resources/providers/linkedin/README.md): an
 * organization's follower count from {@code networkSizes} with the version headers and the URN
 * encoded in the path, the access token from the refresh token, and LinkedIn's refusals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkedInProviderTest extends TokenProvidersServiceTest {
    static final String TOKEN_PATH = "/oauth/v2/accessToken";
    static final String NETWORK_SIZE = "/rest/networkSizes/urn%3Ali%3Aorganization%3A" + LINKEDIN_ORGANIZATION;

    @Autowired
    SnapshotStore store;

    @Autowired
    TokenStatus tokens;

    @Test
    @Order(1)
    void anOrganizationsFollowersWithTheVersionHeadersAndTheRenewedToken() {
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
        upstream.stubFor(get(urlPathEqualTo(NETWORK_SIZE))
                .withQueryParam("edgeType", equalTo("COMPANY_FOLLOWED_BY_MEMBER"))
                .withHeader("Linkedin-Version", equalTo("202601"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken()))
                .willReturn(okJson(fixture("network-size.json"))));

        refresh(LINKEDIN);

        SourceState state = store.stateOf(LINKEDIN);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(219145);
        upstream.verify(
                1,
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withRequestBody(containing("grant_type=refresh_token&refresh_token=" + LINKEDIN_SEED))
                        .withRequestBody(containing("&client_id=" + LINKEDIN_CLIENT_ID))
                        .withRequestBody(containing("&client_secret=" + LINKEDIN_CLIENT_SECRET)));
        // refresh_token_expires_in, LinkedIn's name for the refresh token's lifetime (seconds).
        assertThat(tokens.refreshExpiresAt("linkedin"))
                .isEqualTo(tokens.expiresAt("linkedin").minusSeconds(86400).plusSeconds(525600));
    }

    @Test
    @Order(2)
    void linkedInsThrottleIsRateLimitedAndARefusedTokenAuthFailed() {
        // A day has passed (each test starts one later): the day-long access token is renewed first.
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
        upstream.stubFor(get(urlPathEqualTo(NETWORK_SIZE)).willReturn(json(429, "throttled.json")));
        refresh(LINKEDIN);
        assertThat(store.stateOf(LINKEDIN).failure().code().name()).isEqualTo("RATE_LIMITED");
        upstream.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        // LinkedIn refuses the token, then the refresh token (with invalid_request, its word for it).

        upstream.stubFor(get(urlPathEqualTo(NETWORK_SIZE)).willReturn(json(401, "unauthorized.json")));
        upstream.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "refresh-refused.json")));
        refresh(LINKEDIN);
        assertThat(store.stateOf(LINKEDIN).failure().code().name()).isEqualTo("AUTH_FAILED");
        assertThat(tokens.refreshProblem("linkedin"))
                .isEqualTo("obtaining the token failed: LinkedIn answered HTTP 400 invalid_request");
    }

    private static String accessToken() {
        return fixture("token.json").replaceAll("(?s).*\"access_token\": \"([^\"]+)\".*", "$1");
    }

    private static ResponseDefinitionBuilder json(int status, String name) {
        return Fixtures.answer(status, "linkedin", name);
    }

    private static String fixture(String name) {
        return Fixtures.read("linkedin", name);
    }
}
