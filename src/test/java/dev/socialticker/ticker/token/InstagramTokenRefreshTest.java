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
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Instagram-Login token is refreshed against a stand-in of graph.instagram.com: the new token is
 * kept owner-only and used from then on; a refresh that fails is alerted (token-expiry rule).
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.providers.instagram.access-token=" + InstagramTokenRefreshTest.OLD_TOKEN,
            // 20 days left at the test clock's start: within the 30 days at which it is refreshed.
            "ticker.providers.instagram.token-expires-at=2026-12-18",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstagramTokenRefreshTest extends UpstreamServiceTest {
    static final String OLD_TOKEN = "IGQVJ-old-token-5a4b3c";
    static final String NEW_TOKEN = "IGQVJ-new-token-9z8y7x";
    static final String WEBHOOK = "/services/T1/B1/tokenTestHook";
    static final Path DIR = temporaryFolder();

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.token-refresh-url", () -> upstream.baseUrl());
        registry.add(
                "ticker.providers.instagram.token-file",
                () -> DIR.resolve("secrets/instagram-token.json").toString());
        registry.add("ticker.alerts.slack.webhook-url", () -> upstream.baseUrl() + WEBHOOK);
    }

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

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !upstream.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK)))
                        .isEmpty());
        String alert = upstream.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK)))
                .get(0)
                .getBodyAsString();
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

        refresh(catalog.all().get(0));
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
        assertThat(restarted.expiresAt("instagram"))
                .isEqualTo(TestClockConfiguration.START.plusSeconds(5183944).plus(Duration.ofDays(2)));
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ticker-token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
