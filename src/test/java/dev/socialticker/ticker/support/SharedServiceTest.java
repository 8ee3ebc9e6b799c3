package dev.socialticker.ticker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one running service that most tests share: one source of every built-in provider, each with
 * its credentials, every upstream on {@link SharedUpstream}, the timer idle so only tests refresh,
 * quick retries, and the Prometheus scrape on. Spring starts it once and hands the same context to
 * every class that extends this one, so a class that needs something different expresses it as
 * test data (its own WireMock stubs, the source it refreshes, the clock) rather than as a property,
 * which would start another application. {@link UpstreamServiceTest#cleanSlate} gives each test an
 * empty store, an idle refresher and a reset upstream.
 */
@CamelSpringBootTest
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.providers.instagram.access-token=" + SharedServiceTest.INSTAGRAM_TOKEN,
            // Short enough for a read-timeout test (an answer after 2 s) to end quickly, and long enough
            // for the first call of a cold JVM on a busy machine (500 ms was seen to time out there).
            "ticker.providers.instagram.connect-timeout=1s",
            "ticker.providers.instagram.read-timeout=1s",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=octocat",
            "ticker.providers.github.access-token=" + SharedServiceTest.GITHUB_TOKEN,
            "ticker.sources[2].provider=mastodon",
            "ticker.sources[2].account=Gargron@mastodon.social",
            "ticker.sources[3].provider=bluesky",
            "ticker.sources[3].account=bsky.app",
            "ticker.sources[4].provider=youtube",
            "ticker.sources[4].account=" + SharedServiceTest.YOUTUBE_CHANNEL,
            "ticker.providers.youtube.api-key=" + SharedServiceTest.YOUTUBE_KEY,
            // One named ticker per source: the body a ticker of that source alone shows, which is what
            // GET /api/metrics answered when a test's application had that one source.
            "ticker.tickers.instagram.sources=instagram-" + UpstreamServiceTest.IG_USER,
            "ticker.tickers.github.sources=github-octocat",
            "ticker.tickers.mastodon.sources=mastodon-gargron-mastodon-social",
            "ticker.tickers.bluesky.sources=bluesky-bsky-app",
            "ticker.tickers.youtube.sources=youtube-uc-x5xg1ov2p6uzz5fsm9ttw",
            // Two named tickers of several sources (NamedTickerTest).
            "ticker.tickers.social.sources[0]=instagram-" + UpstreamServiceTest.IG_USER,
            "ticker.tickers.social.sources[1]=mastodon-gargron-mastodon-social",
            "ticker.tickers.code.sources=github-octocat",
            // The admin API on (AdminApiTest, BadInputTest, OpenApiDocumentTest), one allowed origin (CorsTest:
            // the indexed form, as a YAML list binds; the browser test uses the comma-separated form).
            "ticker.admin.token=" + SharedServiceTest.ADMIN_TOKEN,
            "ticker.cors.allowed-origins[0]=https://fans.example",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
public abstract class SharedServiceTest extends UpstreamServiceTest {
    public static final String INSTAGRAM_TOKEN = "IGQVJ-secret-test-token-123";
    public static final String GITHUB_TOKEN = "ghp_secretTestToken0123456789";
    public static final String YOUTUBE_CHANNEL = "UC_x5XG1OV2P6uZZ5FSM9Ttw";
    public static final String YOUTUBE_KEY = "AIzaSyTestKey-0123456789abcdefghijklmno";
    public static final String ADMIN_TOKEN = "s3cret-admin-token";
    /** The sources, in the order configured (and so in the aggregate body). */
    public static final List<TickerSource> SOURCES = List.of(
            new TickerSource("instagram-" + IG_USER, "instagram", IG_USER),
            new TickerSource("github-octocat", "github", "octocat"),
            new TickerSource("mastodon-gargron-mastodon-social", "mastodon", "Gargron@mastodon.social"),
            new TickerSource("bluesky-bsky-app", "bluesky", "bsky.app"),
            new TickerSource("youtube-uc-x5xg1ov2p6uzz5fsm9ttw", "youtube", YOUTUBE_CHANNEL));

    /**
     * Every source answered by its provider's fixture and refreshed, so that every body is served
     * with data (what the built-in demo source gave a test whose application had no source).
     */
    protected void everySourceRefreshed() {
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json"))));
        upstream.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
                .willReturn(okJson(Fixtures.read("bluesky", "profile.json"))));
        upstream.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(okJson(Fixtures.read("youtube", "channel.json"))));
        refresh(SOURCES.toArray(TickerSource[]::new));
    }

    /** The aggregate body (the shape of {@code GET /api/metrics}) of one provider's source alone. */
    protected static String tickerOf(String provider) {
        return "/api/tickers/" + provider;
    }
}
