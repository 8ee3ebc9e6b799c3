package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.InProcessCommand;
import dev.socialticker.ticker.support.TryCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider files added with issue 41 (Discord, PeerTube, X, Facebook), each tried as a person tries
 * a file ({@code --try routes/<name>.camel.yaml --account …}) against a WireMock upstream answering
 * with the provider's documented answers (src/test/resources/providers/&lt;name&gt;/README.md): the
 * request each file makes, the count and profile of a good answer, and the service's code for each
 * documented error. The credential never shows in the output.
 */
class TriedAgainstTheirDocsTest {
    static final String X_TOKEN = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid";
    static final String FACEBOOK_TOKEN = "EAAGm0PX4ZCpsBAPage-token-0123456789";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    /** One provider as the tests call it: its file, an account, the path it asks, its settings. */
    record Provider(String name, String account, String path, List<String> settings) {
        TryCommand.Run tryIt() {
            List<String> args = new ArrayList<>(List.of(
                    "--try",
                    "routes/" + name + ".camel.yaml",
                    "--account",
                    account,
                    "--ticker.providers." + name + ".base-url=" + upstream.baseUrl()));
            args.addAll(settings);
            return TryCommand.run(args.toArray(String[]::new));
        }
    }

    static final Map<String, Provider> PROVIDERS = Map.of(
            "discord", new Provider("discord", "discord-developers", "/invites/discord-developers", List.of()),
            "peertube", new Provider("peertube", "chocobozzz@framatube.org", "/api/v1/accounts/chocobozzz", List.of()),
            "x",
                    new Provider(
                            "x",
                            "XDevelopers",
                            "/users/by/username/XDevelopers",
                            List.of("--ticker.providers.x.bearer-token=" + X_TOKEN)),
            "facebook",
                    new Provider(
                            "facebook",
                            "20531316728",
                            "/20531316728",
                            List.of("--ticker.providers.facebook.access-token=" + FACEBOOK_TOKEN)));

    @AfterAll
    static void restoreLogging() {
        InProcessCommand.restoreLogging();
    }

    static Stream<Arguments> goodAnswers() {
        return Stream.of(
                Arguments.of("discord", "invite-with-counts.json", "count: 4321", "profile: CS:GO Fraggers Only"),
                Arguments.of("peertube", "account.json", "count: 1234", "profile: Chocobozzz"),
                Arguments.of("x", "user.json", "count: 583423", "profile: XDevelopers"),
                Arguments.of("facebook", "page.json", "count: 4321", "profile: Acme"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("goodAnswers")
    void aGoodAnswerIsACount(String name, String fixture, String count, String profile) {
        Provider provider = PROVIDERS.get(name);
        upstream.stubFor(get(urlPathEqualTo(provider.path()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read(name, fixture))));

        TryCommand.Run run = provider.tryIt();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("< HTTP 200").contains(count).contains(profile);
        assertThat(run.output()).doesNotContain(X_TOKEN).doesNotContain(FACEBOOK_TOKEN);
        verifyRequest(name);
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of("discord", "unknown-invite.json", 404, "NOT_FOUND"),
                Arguments.of("discord", "rate-limited.json", 429, "RATE_LIMITED"),
                Arguments.of("peertube", "not-found.json", 404, "NOT_FOUND"),
                Arguments.of("x", "user-not-found.json", 200, "NOT_FOUND"),
                Arguments.of("x", "rate-limit-exceeded.json", 429, "RATE_LIMITED"),
                Arguments.of("x", "usage-capped.json", 429, "RATE_LIMITED"),
                Arguments.of("x", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("x", "client-forbidden.json", 403, "AUTH_FAILED"),
                Arguments.of("facebook", "error-190-invalid-token.json", 400, "AUTH_FAILED"),
                Arguments.of("facebook", "error-100-33-unknown-page.json", 400, "NOT_FOUND"),
                Arguments.of("facebook", "error-4-app-rate-limit.json", 403, "RATE_LIMITED"),
                Arguments.of("facebook", "error-32-page-rate-limit.json", 400, "RATE_LIMITED"));
    }

    @ParameterizedTest(name = "{0}: {1} (HTTP {2}) is {3}")
    @MethodSource("documentedErrors")
    void aDocumentedErrorIsTheServicesCode(String name, String fixture, int status, String code) {
        Provider provider = PROVIDERS.get(name);
        upstream.stubFor(get(urlPathEqualTo(provider.path()))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "65")
                        .withBody(Fixtures.read(name, fixture))));

        TryCommand.Run run = provider.tryIt();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("< HTTP " + status).contains(code + ": ");
        assertThat(run.output()).doesNotContain(X_TOKEN).doesNotContain(FACEBOOK_TOKEN);
    }

    /** What each file asks of its upstream, as its docs say: the query, and where the credential goes. */
    private static void verifyRequest(String name) {
        switch (name) {
            case "discord" ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/invites/discord-developers"))
                        .withQueryParam("with_counts", equalTo("true"))
                        .withoutHeader("Authorization"));
            case "x" ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/users/by/username/XDevelopers"))
                        .withQueryParam("user.fields", equalTo("public_metrics"))
                        .withHeader("Authorization", equalTo("Bearer " + X_TOKEN)));
            case "facebook" ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/20531316728"))
                        .withQueryParam("fields", equalTo("followers_count,name"))
                        .withQueryParam("access_token", equalTo(FACEBOOK_TOKEN)));
            default ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/chocobozzz"))
                        .withoutHeader("Authorization"));
        }
    }
}
