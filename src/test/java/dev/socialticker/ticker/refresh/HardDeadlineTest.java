package dev.socialticker.ticker.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One refresh ends within {@code give-up-after} (here 2 s) plus a small margin, whatever the upstream
 * or a lower layer does, records why, and releases the gate. The provider keeps its default socket
 * timeouts (connect 5 s, read 10 s): shorter ones would hide exactly the hangs tested here, as a
 * 500 ms read timeout once hid HttpClient's own sleep on Retry-After from every test.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.sources[1].provider=sleepy",
            "ticker.sources[1].account=nap",
            "ticker.providers.instagram.access-token=deadline-test-token",
            "ticker.refresh.retry.give-up-after=2s",
            "ticker.refresh.initial-delay=1h"
        })
@ExtendWith(OutputCaptureExtension.class)
class HardDeadlineTest extends UpstreamServiceTest {
    static final TickerSource INSTAGRAM = new TickerSource("instagram-" + IG_USER, "instagram", IG_USER);
    static final TickerSource SLEEPY = new TickerSource("sleepy-nap", "sleepy", "nap");
    static final RoutesDir ROUTES = new RoutesDir("sleepy.camel.yaml");
    /** The budget, the grace before a stuck run is taken over, and room for a busy machine. */
    static final Duration ENDS_WITHIN =
            Duration.ofSeconds(2).plusMillis(RefreshRuns.GRACE_MILLIS).plusSeconds(1);

    @DynamicPropertySource
    static void routesDir(DynamicPropertyRegistry registry) {
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
    }

    @AfterAll
    static void removeRoutesDir() {
        ROUTES.close();
    }

    @Autowired
    SnapshotStore store;

    @Autowired
    RefreshGate gate;

    @Autowired
    MeterRegistry meters;

    @Test
    void a429WithRetryAfter120EndsTheAttemptAndDefersTheNextCall(CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        Failure failure = refreshUntilRecorded(INSTAGRAM);

        assertThat(failure.code().name()).isEqualTo("RATE_LIMITED");
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(upstream.getAllServeEvents())
                .as("no retry inside the HTTP client")
                .hasSize(1);
        assertThat(gate.nextAttemptAt(INSTAGRAM.id()))
                .as("the gate honours Retry-After")
                .isEqualTo(clock.instant().plusSeconds(120));
        assertThat(failure.message())
                .endsWith("next call not before " + clock.instant().plusSeconds(120));
        assertThat(meters.get("ticker.refreshes")
                        .tag("source", INSTAGRAM.id())
                        .tag("outcome", "rate_limited")
                        .counter()
                        .count())
                .isPositive();
        assertThat(output.getAll()).doesNotContain("automatically re-executed").doesNotContain("deadline-test-token");
    }

    @Test
    void a503WithRetryAfter3600IsRecordedAtOnceNotWaitedFor() {
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

        Failure failure = refreshUntilRecorded(INSTAGRAM);

        assertThat(failure.code().name()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(upstream.getAllServeEvents()).hasSize(1);
        assertThat(gate.nextAttemptAt(INSTAGRAM.id())).isEqualTo(clock.instant().plusSeconds(3600));
        JsonNode body = ApiClient.json(api.get("/api/metrics/" + INSTAGRAM.id()));
        assertThat(body.at("/error/code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void aBodyThatTricklesIsCutAtTheDeadline(CapturedOutput output) {
        // 40 chunks over 30 s: a byte every 0.75 s never trips the 10 s read timeout.
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json")).withChunkedDribbleDelay(40, 30_000)));

        Failure failure = refreshUntilRecorded(INSTAGRAM);

        assertThat(failure.code().name()).isEqualTo("TIMEOUT");
        assertThat(failure.message()).contains("2 s budget");
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(output.getAll()).as("the refresh ended itself, no take-over").doesNotContain("did not end within");
    }

    @Test
    void anUpstreamThatAcceptsAndNeverAnswersIsCutAtTheDeadline() {
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json")).withFixedDelay(60_000)));

        Failure failure = refreshUntilRecorded(INSTAGRAM);

        assertThat(failure.code().name()).isEqualTo("TIMEOUT");
        assertThat(store.stateOf(INSTAGRAM).snapshot()).isNull();
    }

    @Test
    void aProviderStuckWhereNoAbortReachesIsTakenOverAndItsLateAnswerDropped(CapturedOutput output) {
        CompletableFuture<Object> refresh = producer.asyncSendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(SLEEPY));

        await().atMost(ENDS_WITHIN).until(() -> store.stateOf(SLEEPY).failure() != null && !gate.inFlight(SLEEPY.id()));
        Failure failure = store.stateOf(SLEEPY).failure();
        assertThat(failure.code().name()).isEqualTo("TIMEOUT");
        assertThat(refresh).as("the provider still sleeps").isNotDone();
        assertThat(output.getAll()).contains("did not end within its 2 s budget");

        await().atMost(Duration.ofSeconds(10)).until(refresh::isDone);
        SourceState state = store.stateOf(SLEEPY);
        assertThat(state.snapshot()).as("the late answer is dropped").isNull();
        assertThat(state.failure()).isEqualTo(failure);
    }

    /**
     * Starts a refresh without waiting for it, then waits (within the budget and its margin) until it
     * has ended by itself: the upstream call aborted, failure recorded, gate released.
     */
    private Failure refreshUntilRecorded(TickerSource source) {
        clock.advance(Duration.ofMinutes(1));
        CompletableFuture<Object> refresh = producer.asyncSendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(source));
        await().atMost(ENDS_WITHIN).until(() -> refresh.isDone() && !gate.inFlight(source.id()));
        return store.stateOf(source).failure();
    }
}
