package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.InProcessCommand;
import dev.socialticker.ticker.support.TryCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider files added with issue 41 (Discord, PeerTube and its channels, X, Facebook, Reddit, Spotify,
 * Telegram), each tried as a person tries
 * a file ({@code --try routes/<name>.camel.yaml --account …}) against a WireMock upstream answering
 * with the provider's documented answers (src/test/resources/providers/&lt;name&gt;/README.md): the
 * request each file makes, the count and profile of a good answer, and the service's code for each
 * documented error. The credential never shows in the output.
 */
class TriedAgainstTheirDocsTest {
    static final String X_TOKEN = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid";
    static final String FACEBOOK_TOKEN = "EAAGm0PX4ZCpsBAPage-token-0123456789";
    /** A bot token as @BotFather writes them: its colon stays a colon in the path. */
    static final String TELEGRAM_TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    static final String REDDIT_SECRET = "reddit-app-secret-9f8e7d6c";
    static final String SPOTIFY_SECRET = "spotify-app-secret-1a2b3c4d";
    /** Every secret the runs are given: none may show in what the command prints. */
    static final List<String> SECRETS = List.of(
            X_TOKEN, FACEBOOK_TOKEN, TELEGRAM_TOKEN, REDDIT_SECRET, SPOTIFY_SECRET, "exampleRedditAppToken0123456789");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    /**
     * One provider as the tests call it: its file, the folder of its fixtures, an account, the path it
     * asks, its settings ({@code {upstream}} for the stand-in's address).
     */
    record Provider(String name, String fixtures, String account, String path, List<String> settings) {
        Provider(String name, String account, String path, List<String> settings) {
            this(name, name, account, path, settings);
        }

        TryCommand.Run tryIt() {
            List<String> args = new ArrayList<>(List.of(
                    "--try",
                    "routes/" + name + ".camel.yaml",
                    "--account",
                    account,
                    "--ticker.providers." + name + ".base-url=" + upstream.baseUrl()));
            // The upstream's address is known once the extension has started it.
            settings.forEach(setting -> args.add(setting.replace("{upstream}", upstream.baseUrl())));
            return TryCommand.run(args.toArray(String[]::new));
        }
    }

    static final Map<String, Provider> PROVIDERS = Map.of(
            "discord", new Provider("discord", "discord-developers", "/invites/discord-developers", List.of()),
            "peertube", new Provider("peertube", "chocobozzz@framatube.org", "/api/v1/accounts/chocobozzz", List.of()),
            "peertube-channel",
                    new Provider(
                            "peertube-channel",
                            "peertube",
                            "framasoft_channel@framatube.org",
                            "/api/v1/video-channels/framasoft_channel",
                            List.of()),
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
                            List.of("--ticker.providers.facebook.access-token=" + FACEBOOK_TOKEN)),
            "telegram",
                    new Provider(
                            "telegram",
                            "@telegram",
                            "/bot" + TELEGRAM_TOKEN + "/getChatMemberCount",
                            List.of("--ticker.providers.telegram.bot-token=" + TELEGRAM_TOKEN)),
            "reddit",
                    new Provider(
                            "reddit",
                            "AskReddit",
                            "/r/AskReddit/about",
                            List.of(
                                    "--ticker.providers.reddit.client-id=p-jcoLKBynTLew",
                                    "--ticker.providers.reddit.client-secret=" + REDDIT_SECRET,
                                    "--ticker.providers.reddit.username=socialticker",
                                    "--ticker.providers.reddit.token-refresh-url={upstream}")),
            "spotify",
                    new Provider(
                            "spotify",
                            "0TnOYISbd1XYRBk9myaseg",
                            "/artists/0TnOYISbd1XYRBk9myaseg",
                            List.of(
                                    "--ticker.providers.spotify.client-id=5fe01282e44241328a84e7c5cc169165",
                                    "--ticker.providers.spotify.client-secret=" + SPOTIFY_SECRET,
                                    "--ticker.providers.spotify.token-refresh-url={upstream}")));

    /** The token endpoints of the providers whose token is obtained with the app's credentials. */
    @BeforeEach
    void tokenEndpoints() {
        upstream.stubFor(
                post(urlPathEqualTo("/api/v1/access_token")).willReturn(okJson(Fixtures.read("reddit", "token.json"))));
        upstream.stubFor(post(urlPathEqualTo("/api/token")).willReturn(okJson(Fixtures.read("spotify", "token.json"))));
    }

    @AfterAll
    static void restoreLogging() {
        InProcessCommand.restoreLogging();
    }

    static Stream<Arguments> goodAnswers() {
        return Stream.of(
                Arguments.of("discord", "invite-with-counts.json", "count: 4321", "profile: CS:GO Fraggers Only"),
                Arguments.of("peertube", "account.json", "count: 1234", "profile: Chocobozzz"),
                Arguments.of("x", "user.json", "count: 583423", "profile: XDevelopers"),
                Arguments.of("facebook", "page.json", "count: 4321", "profile: Acme"),
                Arguments.of("peertube-channel", "video-channel.json", "count: 5678", "profile: Framasoft"),
                Arguments.of("telegram", "member-count.json", "count: 1234", "profile: telegram"),
                Arguments.of("reddit", "subreddit-about.json", "count: 45000000", "profile: r/AskReddit"),
                Arguments.of("spotify", "artist.json", "count: 1234", "profile: Pitbull"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("goodAnswers")
    void aGoodAnswerIsACount(String name, String fixture, String count, String profile) {
        Provider provider = PROVIDERS.get(name);
        upstream.stubFor(get(urlPathEqualTo(provider.path()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read(provider.fixtures(), fixture))));

        TryCommand.Run run = provider.tryIt();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("< HTTP 200").contains(count).contains(profile);
        assertThat(run.output()).doesNotContain(SECRETS.toArray(String[]::new));
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
                Arguments.of("facebook", "error-32-page-rate-limit.json", 400, "RATE_LIMITED"),
                Arguments.of("peertube-channel", "not-found.json", 404, "NOT_FOUND"),
                Arguments.of("telegram", "chat-not-found.json", 400, "NOT_FOUND"),
                Arguments.of("telegram", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("telegram", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("reddit", "private-subreddit.json", 403, "NOT_FOUND"),
                Arguments.of("reddit", "not-found.json", 404, "NOT_FOUND"),
                Arguments.of("reddit", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("spotify", "invalid-id.json", 400, "NOT_FOUND"),
                Arguments.of("spotify", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("spotify", "unauthorized.json", 401, "AUTH_FAILED"));
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
                        .withBody(Fixtures.read(provider.fixtures(), fixture))));

        TryCommand.Run run = provider.tryIt();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("< HTTP " + status).contains(code + ": ");
        assertThat(run.output()).doesNotContain(SECRETS.toArray(String[]::new));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 401})
    void theBotTokenInTelegramsPathIsPrintedMasked(int status) {
        Provider telegram = PROVIDERS.get("telegram");
        upstream.stubFor(get(urlPathEqualTo(telegram.path()))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                Fixtures.read("telegram", status == 200 ? "member-count.json" : "unauthorized.json"))));

        TryCommand.Run run = telegram.tryIt();

        assertThat(run.output())
                .contains("> GET " + upstream.baseUrl() + "/bot****/getChatMemberCount?chat_id=%40telegram")
                .doesNotContain(TELEGRAM_TOKEN)
                .doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
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
            case "telegram" ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/bot" + TELEGRAM_TOKEN + "/getChatMemberCount"))
                        .withQueryParam("chat_id", equalTo("@telegram"))
                        .withoutHeader("Authorization"));
            case "reddit" -> {
                // Reddit reads the app's id and secret from HTTP Basic only, and wants its User-Agent everywhere.
                String agent = "server:social-ticker:1 (by /u/socialticker)";
                upstream.verify(postRequestedFor(urlPathEqualTo("/api/v1/access_token"))
                        .withBasicAuth(new BasicCredentials("p-jcoLKBynTLew", REDDIT_SECRET))
                        .withHeader("User-Agent", equalTo(agent))
                        .withRequestBody(equalTo("grant_type=client_credentials")));
                upstream.verify(getRequestedFor(urlPathEqualTo("/r/AskReddit/about"))
                        .withHeader("Authorization", equalTo("Bearer exampleRedditAppToken0123456789"))
                        .withHeader("User-Agent", equalTo(agent)));
            }
            case "spotify" -> {
                upstream.verify(postRequestedFor(urlPathEqualTo("/api/token"))
                        .withBasicAuth(new BasicCredentials("5fe01282e44241328a84e7c5cc169165", SPOTIFY_SECRET))
                        .withRequestBody(equalTo("grant_type=client_credentials")));
                upstream.verify(getRequestedFor(urlPathEqualTo("/artists/0TnOYISbd1XYRBk9myaseg"))
                        .withHeader("Authorization", equalTo("Bearer NgCXRKc...MzYjw")));
            }
            case "peertube-channel" ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/api/v1/video-channels/framasoft_channel"))
                        .withoutHeader("Authorization"));
            default ->
                upstream.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/chocobozzz"))
                        .withoutHeader("Authorization"));
        }
    }
}
