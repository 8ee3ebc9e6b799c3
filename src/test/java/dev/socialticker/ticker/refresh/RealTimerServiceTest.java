package dev.socialticker.ticker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the real clock with its real refresh timer, every 300 ms, for the classes that test
 * the cadence itself (IndependentSourcesTest, RefreshTimerTest share it): an Instagram source whose
 * upstream hangs for a minute (longer than the 6 s budget), a GitHub source answered at once, and a
 * demo source. The upstream is a WireMock of these classes' own, its answers in place before the
 * timer's first tick and never reset (the shared one is reset before each test of other classes);
 * like the shared one it outlives the classes, since the cached context keeps its address.
 *
 * <p>The context is closed after each class: kept in the cache, its timer would go on calling the
 * hanging upstream every 300 ms and log a timeout every 6 s into the output of whatever class runs
 * next in this JVM (ProviderTrialCommandTest asserts a quiet log).
 */
@CamelSpringBootTest
@DirtiesContext
@SpringBootTest(
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=octocat",
            "ticker.sources[2].provider=demo",
            "ticker.sources[2].account=demo",
            "ticker.sources[2].id=demo",
            "ticker.providers.instagram.access-token=test-token",
            "ticker.refresh.period=300ms",
            "ticker.refresh.min-interval=300ms",
            "ticker.refresh.retry.give-up-after=6s"
        })
abstract class RealTimerServiceTest {
    static final TickerSource INSTAGRAM =
            new TickerSource("instagram-" + UpstreamServiceTest.IG_USER, "instagram", UpstreamServiceTest.IG_USER);
    static final TickerSource GITHUB = new TickerSource("github-octocat", "github", "octocat");

    static final WireMockServer upstream = hangingInstagramAndAnsweringGitHub();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> upstream.baseUrl() + "/v25.0");
        registry.add("ticker.providers.github.base-url", upstream::baseUrl);
    }

    private static WireMockServer hangingInstagramAndAnsweringGitHub() {
        WireMockServer server = new WireMockServer(
                wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        server.start();
        server.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json")).withFixedDelay(60_000)));
        server.stubFor(get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        // Stopped with the JVM, after the cached context that calls it (Spring closes it in its own hook).
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "real-timer-upstream-stop"));
        return server;
    }
}
