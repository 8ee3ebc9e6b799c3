package dev.socialticker.ticker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialticker.ticker.domain.TickerSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service with the providers whose files declare how their token is kept: a Threads
 * source (a long-lived token refreshed from {@code /refresh_access_token}, kept in a token file), a
 * Twitch source (an app token obtained with client credentials from {@code /oauth2/token}), TikTok and
 * LinkedIn sources (OAuth 2.0's refresh grant, from a refresh token a sign-in obtained), plus an
 * Instagram source and a Telegram source (its bot token in the URL path), every upstream and token endpoint on {@link SharedUpstream}, token-expiry alerts
 * to a Slack stand-in of their own, and Prometheus on (OperatorArtifactsTest reads every kind of metric:
 * the Graph API's usage, the tokens', the alerts'). One context for every class extending it.
 */
@CamelSpringBootTest
// Prometheus on, as in production: OperatorArtifactsTest reads every kind of metric there.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=threads",
            "ticker.sources[0].account=" + TokenProvidersServiceTest.THREADS_USER,
            "ticker.providers.threads.access-token=" + TokenProvidersServiceTest.THREADS_TOKEN,
            // 20 days left at the test clock's start: within the 30 days at which it is refreshed.
            "ticker.providers.threads.token-expires-at=2026-12-18",
            "ticker.sources[1].provider=twitch",
            "ticker.sources[1].account=" + TokenProvidersServiceTest.BROADCASTER,
            "ticker.providers.twitch.client-id=" + TokenProvidersServiceTest.CLIENT_ID,
            "ticker.providers.twitch.client-secret=" + TokenProvidersServiceTest.CLIENT_SECRET,
            // An Instagram source, for the Graph API's usage headers (OperatorArtifactsTest).
            "ticker.sources[2].provider=instagram",
            "ticker.sources[2].account=" + UpstreamServiceTest.IG_USER,
            "ticker.providers.instagram.access-token=" + TokenProvidersServiceTest.INSTAGRAM_TOKEN,
            // Two OAuth 2.0 accounts, connected elsewhere: their refresh tokens seed the settings.
            "ticker.sources[3].provider=tiktok",
            "ticker.sources[3].account=tiktoker",
            "ticker.providers.tiktok.client-id=" + TokenProvidersServiceTest.TIKTOK_CLIENT_KEY,
            "ticker.providers.tiktok.client-secret=" + TokenProvidersServiceTest.TIKTOK_CLIENT_SECRET,
            "ticker.providers.tiktok.refresh-token=" + TokenProvidersServiceTest.TIKTOK_SEED,
            "ticker.sources[4].provider=linkedin",
            "ticker.sources[4].account=" + TokenProvidersServiceTest.LINKEDIN_ORGANIZATION,
            "ticker.providers.linkedin.client-id=" + TokenProvidersServiceTest.LINKEDIN_CLIENT_ID,
            "ticker.providers.linkedin.client-secret=" + TokenProvidersServiceTest.LINKEDIN_CLIENT_SECRET,
            "ticker.providers.linkedin.refresh-token=" + TokenProvidersServiceTest.LINKEDIN_SEED,
            // A credential in the URL path (TelegramProviderTest): masked wherever the service reports.
            "ticker.sources[5].provider=telegram",
            "ticker.sources[5].account=@telegram",
            "ticker.providers.telegram.bot-token=" + TokenProvidersServiceTest.TELEGRAM_TOKEN,
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
public abstract class TokenProvidersServiceTest extends UpstreamServiceTest {
    public static final String THREADS_USER = "1234567890";
    public static final String THREADS_TOKEN = "THQVJ-configured-threads-token-1a2b";
    public static final String BROADCASTER = "141981764";
    public static final String CLIENT_ID = "uo6dggojyb8d6soh92zknwmi5ej1q2";
    public static final String CLIENT_SECRET = "twitch-client-secret-7f6e5d4c";
    public static final String INSTAGRAM_TOKEN = "IGQVJ-ops-test-token";
    public static final String TIKTOK_CLIENT_KEY = "awtiktokclientkey0001";
    public static final String TIKTOK_CLIENT_SECRET = "tiktok-client-secret-5e4d3c2b";
    public static final String TIKTOK_SEED = "rft.seeded-by-a-sign-in-elsewhere-0001";
    public static final String LINKEDIN_ORGANIZATION = "2414183";
    public static final String LINKEDIN_CLIENT_ID = "86linkedinclientid";
    public static final String LINKEDIN_CLIENT_SECRET = "linkedin-client-secret-1a2b3c4d";
    public static final String LINKEDIN_SEED = "AQWseeded-linkedin-refresh-token-0001";
    public static final String TELEGRAM_TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    /** The Slack webhook the token-expiry alerts go to. */
    public static final String WEBHOOK = "/services/T1/B1/tokenTestHook";

    public static final String THREADS_PATH = "/v1.0/" + THREADS_USER + "/threads_insights";
    public static final String TWITCH_PATH = "/helix/channels/followers";
    public static final TickerSource THREADS = new TickerSource("threads-" + THREADS_USER, "threads", THREADS_USER);
    public static final TickerSource TWITCH = new TickerSource("twitch-" + BROADCASTER, "twitch", BROADCASTER);
    public static final TickerSource INSTAGRAM = new TickerSource("instagram-" + IG_USER, "instagram", IG_USER);
    public static final TickerSource TIKTOK = new TickerSource("tiktok-tiktoker", "tiktok", "tiktoker");
    public static final TickerSource TELEGRAM = new TickerSource("telegram-telegram", "telegram", "@telegram");
    public static final TickerSource LINKEDIN =
            new TickerSource("linkedin-" + LINKEDIN_ORGANIZATION, "linkedin", LINKEDIN_ORGANIZATION);

    protected static final Path TOKEN_DIR = temporaryFolder();

    /**
     * The Slack channel: a WireMock of its own that takes every post. The alert check's own timer
     * (every 30 s) sends the tokens' expiry alerts whenever it fires, also while another class runs
     * in this JVM; on the shared upstream those posts would land in that class's request journal
     * (HardDeadlineTest counted three requests where it sent one).
     */
    protected static final WireMockServer SLACK = slackStandIn();

    @DynamicPropertySource
    static void tokenEndpoints(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.threads.base-url", () -> upstream.baseUrl() + "/v1.0");
        registry.add("ticker.providers.threads.token-refresh-url", () -> upstream.baseUrl());
        registry.add(
                "ticker.providers.threads.token-file",
                () -> TOKEN_DIR.resolve("threads-token.json").toString());
        registry.add("ticker.providers.twitch.base-url", () -> upstream.baseUrl() + "/helix");
        registry.add("ticker.providers.twitch.token-refresh-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.tiktok.base-url", () -> upstream.baseUrl() + "/v2");
        registry.add("ticker.providers.tiktok.token-refresh-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.linkedin.base-url", () -> upstream.baseUrl() + "/rest");
        registry.add("ticker.providers.linkedin.token-refresh-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.telegram.base-url", () -> upstream.baseUrl());
        registry.add("ticker.alerts.slack.webhook-url", () -> SLACK.baseUrl() + WEBHOOK);
    }

    @AfterAll
    static void removeTokenFolder() throws IOException {
        if (!Files.exists(TOKEN_DIR)) {
            return; // another class of the same context removed it already
        }
        try (Stream<Path> files = Files.walk(TOKEN_DIR)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static WireMockServer slackStandIn() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(ok("ok")));
        // Stopped with the JVM, after the cached context that posts to it (Spring closes it in its own hook).
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "token-alerts-slack-stop"));
        return server;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ticker-declared-tokens");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
