package dev.socialticker.ticker.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.config.TickerSource;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service, on a random port, with its Instagram provider pointed at a WireMock Graph
 * API on loopback and time on a {@link MutableClock}. Subclasses add {@code @SpringBootTest} with
 * their sources; the timer should wait ({@code ticker.refresh.initial-delay=1h}) so only the test
 * triggers refreshes.
 */
@Import(TestClockConfiguration.class)
public abstract class GraphApiServiceTest {
    public static final String IG_USER = "17841400000000000";
    public static final String GRAPH_PATH = "/v25.0/" + IG_USER;

    @RegisterExtension
    protected static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(50)).build();

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> graph.baseUrl() + "/v25.0");
    }

    @Autowired
    protected ProducerTemplate producer;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected CamelContext camel;
    @LocalServerPort
    protected int port;
    protected ApiClient api;

    /** Each test starts with no data, past any wait an earlier test left, with nothing in flight. */
    @BeforeEach
    void cleanSlate() {
        // A background refresh wire-tapped by an earlier test must not land in this one.
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getInflightRepository().size() == 0);
        clock.advance(Duration.ofDays(1));
        producer.sendBody("direct:invalidate-cache", null);
        api = new ApiClient(port);
    }

    /** A refresh as the timer runs it, min-interval after the previous one. */
    protected void refresh(TickerSource... sources) {
        clock.advance(Duration.ofMinutes(1));
        producer.sendBody("direct:refresh-sources", List.of(sources));
    }
}
