package dev.socialticker.ticker.token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.alert.AlertEndpoints;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Instagram-Login token is refreshed against a stand-in of graph.instagram.com: the new token is
 * kept owner-only and used from then on; a refresh that fails is alerted (token-expiry rule).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstagramTokenRefreshTest extends TokenProvidersServiceTest {
    static final String OLD_TOKEN = INSTAGRAM_TOKEN;
    static final String NEW_TOKEN = "IGQVJ-new-token-9z8y7x";
    static final Path DIR = TOKEN_DIR;

    @Autowired
    TokenStatus status;

    @Autowired
    SourceCatalog catalog;

    @Test
    @Order(1)
    void aFailedRefreshIsAlertedAndTheCurrentTokenKept(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(ok("ok")));
        upstream.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"Invalid OAuth access token - Cannot parse access token\","
                                        + " \"type\": \"OAuthException\", \"code\": 190}}")));

        producer.sendBody(TokenEndpoints.INSTAGRAM_TOKEN_REFRESH, null);
        producer.sendBody(AlertEndpoints.CHECK, null);

        // The Threads source's token nears its end too: its alert goes to the same channel.
        String alert = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> upstream.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).stream()
                                .map(request -> request.getBodyAsString())
                                .filter(body -> body.contains("instagram-" + IG_USER))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        System.out.println("[token] Slack JSON for a failed token refresh:\n" + alert);
        assertThat(alert)
                .contains(
                        "ALERT instagram-" + IG_USER + ": the access token expires soon",
                        "refreshing the token failed: Instagram answered HTTP 400");
        assertThat(status.rotatedToken("instagram")).isEmpty();
        assertThat(DIR.resolve("secrets/instagram-token.json")).doesNotExist();
        assertThat(output.getAll())
                .contains("The Instagram token could not be refreshed: Instagram answered HTTP 400")
                .doesNotContain(OLD_TOKEN);
        assertThat(alert).doesNotContain(OLD_TOKEN);
    }

    @Test
    @Order(2)
    void aRefreshedTokenIsKeptOwnerOnlyAndUsedFromThenOn(CapturedOutput output) throws IOException {
        upstream.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("grant_type", equalTo("ig_refresh_token"))
                .withQueryParam("access_token", equalTo(OLD_TOKEN))
                .willReturn(okJson("{\"access_token\": \"" + NEW_TOKEN + "\", \"token_type\": \"bearer\","
                        + " \"expires_in\": 5183944}")));
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));

        producer.sendBody(TokenEndpoints.INSTAGRAM_TOKEN_REFRESH, null);

        Path file = DIR.resolve("secrets/instagram-token.json");
        assertThat(Files.readString(file)).contains(NEW_TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(status.expiresAt("instagram")).isEqualTo(clock.instant().plusSeconds(5183944));
        assertThat(status.refreshProblem("instagram")).isNull();

        refresh(catalog.all().stream()
                .filter(source -> source.provider().equals("instagram"))
                .findFirst()
                .orElseThrow());
        upstream.verify(getRequestedFor(urlPathEqualTo(GRAPH_PATH)).withQueryParam("access_token", equalTo(NEW_TOKEN)));
        assertThat(output.getAll())
                .contains("The Instagram token was refreshed; the new one expires at")
                .doesNotContain(NEW_TOKEN)
                .doesNotContain(OLD_TOKEN);
    }

    @Test
    @Order(3)
    void aRestartUsesTheKeptToken() {
        TokenStatus restarted = new TokenStatus(
                catalog,
                org.springframework.boot.context.properties.bind.Binder.get(
                                new org.springframework.mock.env.MockEnvironment()
                                        .withProperty(
                                                "ticker.providers.instagram.token-file",
                                                DIR.resolve("secrets/instagram-token.json")
                                                        .toString()))
                        .bindOrCreate("ticker", dev.socialticker.ticker.provider.contract.ProviderProperties.class),
                new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());
        assertThat(restarted.rotatedToken("instagram")).hasValue(NEW_TOKEN);
        // The expiry the running service learnt with the new token (test 2: five weeks from then).
        assertThat(restarted.expiresAt("instagram")).isNotNull().isEqualTo(status.expiresAt("instagram"));
    }
}
