package dev.socialticker.ticker.api;

import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service with an Instagram source (id {@code acme}) and a demo one, for the API's reads over
 * real HTTP (MetricsApiTest, SingleFlightTest, HistoryDisabledTest share it). No minimum interval
 * between refreshes: only the in-flight check stands between concurrent stale reads and a second
 * upstream call, and each stale read may ask for a refresh. One attempt per refresh, so a failure
 * shows at once. No history is kept: what the API reads here does not depend on one.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.sources[0].id=acme",
            "ticker.sources[1].provider=demo",
            "ticker.sources[1].account=side-project",
            "ticker.providers.instagram.access-token=" + ApiReadsServiceTest.TOKEN,
            "ticker.refresh.period=60s",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.min-interval=0s",
            "ticker.refresh.retry.max-attempts=1",
            // No history (HistoryDisabledTest): the bodies keep their growth and milestone fields, null.
            "ticker.history.enabled=false"
        })
abstract class ApiReadsServiceTest extends UpstreamServiceTest {
    static final String PATH = GRAPH_PATH;
    /**
     * This service's own token: the upstream stand-in is one per test JVM, and other services cached
     * there (with their own Instagram sources) may call it meanwhile; counting the calls with this
     * token counts this service's only.
     */
    static final String TOKEN = "api-reads-token";

    static final TickerSource ACME = new TickerSource("acme", "instagram", "17841400000000000");
    static final TickerSource DEMO = new TickerSource("demo-side-project", "demo", "side-project");
}
