package dev.socialticker.ticker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service, on a random port, with every built-in provider pointed at one WireMock
 * server on loopback (each upstream under its documented path; {@link SharedUpstream}, reset before
 * each test) and time on a {@link MutableClock}. Subclasses add {@code @SpringBootTest} with their
 * sources; the timer should wait ({@code ticker.refresh.initial-delay=1h}) so only the test triggers
 * refreshes. A test that needs nothing of its own in the configuration extends
 * {@link SharedServiceTest} instead and shares one running service with every other such class.
 */
@Import(TestClockConfiguration.class)
public abstract class UpstreamServiceTest {
    public static final String IG_USER = "17841400000000000";
    public static final String GRAPH_PATH = "/v25.0/" + IG_USER;

    protected static final WireMockServer upstream = SharedUpstream.server();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> upstream.baseUrl() + "/v25.0");
        registry.add("ticker.providers.github.base-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.mastodon.base-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.bluesky.base-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.youtube.base-url", () -> upstream.baseUrl() + "/youtube/v3");
    }

    @Autowired
    protected ProducerTemplate producer;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected CamelContext camel;

    @LocalServerPort
    protected int port;

    /** The management server's (the actuator's) port. */
    @LocalManagementPort
    protected int managementPort;

    protected ApiClient api;

    /** The actuator, on the management port. */
    protected ApiClient management;

    /**
     * Each test starts with no data, past any wait an earlier test left, with nothing in flight and
     * an upstream that knows no stub and has seen no call.
     */
    @BeforeEach
    void cleanSlate() {
        // A background refresh wire-tapped by an earlier test must not land in this one.
        RefreshIdle.waitFor(camel);
        upstream.resetAll();
        clock.advance(Duration.ofDays(1));
        producer.sendBody(StoreEndpoints.INVALIDATE, null);
        api = new ApiClient(port);
        management = new ApiClient(managementPort);
    }

    /**
     * Asserts a source's latest refresh failed with {@code code} after {@code attempts} upstream
     * calls, while its last good total is still stored and served, flagged stale.
     */
    protected void assertFailedKeepingLastGood(
            SnapshotStore store, TickerSource source, long lastGood, String code, Integer httpStatus, int attempts) {
        SourceState state = store.stateOf(source);
        assertThat(state.snapshot()).as("last good snapshot").isNotNull();
        assertThat(state.snapshot().total()).as("last good value").isEqualTo(lastGood);
        assertThat(state.failure()).as("recorded failure").isNotNull();
        assertThat(state.failure().code().name()).isEqualTo(code);
        assertThat(state.failure().httpStatus()).isEqualTo(httpStatus);
        assertThat(state.failure().attempts()).isEqualTo(attempts);
        JsonNode body = ApiClient.json(api.get("/api/metrics/" + source.id()));
        assertThat(body.get("total").asLong()).isEqualTo(lastGood);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
    }

    /** A refresh as the timer runs it, min-interval after the previous one. */
    protected void refresh(TickerSource... sources) {
        clock.advance(Duration.ofMinutes(1));
        producer.sendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(sources));
    }
}
