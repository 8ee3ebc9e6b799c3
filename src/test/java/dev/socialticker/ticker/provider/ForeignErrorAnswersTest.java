package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.http.AnswerSizeLimit;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every built-in provider, through its real route and the shared refresh pipeline, answered by a
 * WireMock upstream on loopback with an error body its file's rules were not written for (what a
 * proxy or CDN in front of the upstream may send): the stored failure is the one the status and
 * Retry-After say, and the wait is honoured by the gate.
 */
class ForeignErrorAnswersTest extends SharedServiceTest {
    @Autowired
    SnapshotStore store;

    @Autowired
    RefreshGate gate;

    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of(new TickerSource("instagram-" + IG_USER, "instagram", IG_USER), GRAPH_PATH),
                Arguments.of(new TickerSource("github-octocat", "github", "octocat"), "/users/octocat"),
                Arguments.of(
                        new TickerSource("mastodon-gargron-mastodon-social", "mastodon", "Gargron@mastodon.social"),
                        "/api/v1/accounts/lookup"),
                Arguments.of(
                        new TickerSource("bluesky-bsky-app", "bluesky", "bsky.app"), "/xrpc/app.bsky.actor.getProfile"),
                Arguments.of(
                        new TickerSource("youtube-uc-x5xg1ov2p6uzz5fsm9ttw", "youtube", "UC_x5XG1OV2P6uZZ5FSM9Ttw"),
                        "/youtube/v3/channels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aRateLimitWithABodyOfAnotherShapeIsRateLimitedAndItsWaitIsKept(TickerSource source, String path) {
        upstream.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "120")
                        .withBody("{\"error\": \"slow down\"}")));

        refresh(source);
        Instant failedAt = clock.instant();

        SourceState state = store.stateOf(source);
        assertThat(state.failure().code().name()).isEqualTo("RATE_LIMITED");
        assertThat(state.failure().httpStatus()).isEqualTo(429);
        assertThat(state.failure().attempts())
                .as("a wait is not retried within the refresh")
                .isEqualTo(1);
        assertThat(state.failure().message())
                .startsWith("The provider's rate limit was reached (HTTP 429)")
                .endsWith("next call not before " + failedAt.plusSeconds(120));
        assertThat(gate.nextAttemptAt(source.id())).isEqualTo(failedAt.plusSeconds(120));
        JsonNode body = ApiClient.json(api.get("/api/metrics/" + source.id()));
        assertThat(body.at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(body.at("/error/httpStatus").asInt()).isEqualTo(429);

        refresh(source);
        upstream.verify(1, getRequestedFor(urlPathEqualTo(path)));

        clock.advance(Duration.ofSeconds(1));
        refresh(source);
        upstream.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    /** A JSON document of about {@code bytes} bytes: the given fields, then padding. */
    static String jsonOfSize(String fields, int bytes) {
        return "{" + fields + ", \"padding\": \"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void anAnswerPastTheSizeLimitIsNotReadAndItsStatusAndHeadersStillCount() {
        TickerSource source = new TickerSource("instagram-" + IG_USER, "instagram", IG_USER);
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "120")
                        .withBody(jsonOfSize("\"error\": \"slow down\"", 8 * AnswerSizeLimit.MAX_BYTES))));

        refresh(source);

        SourceState state = store.stateOf(source);
        assertThat(state.failure().code().name()).isEqualTo("RATE_LIMITED");
        assertThat(state.failure().httpStatus()).isEqualTo(429);
        assertThat(gate.nextAttemptAt(source.id())).isEqualTo(clock.instant().plusSeconds(120));
    }

    @Test
    void aSuccessPastTheSizeLimitIsAnInvalidPayloadSayingSo() {
        TickerSource source = new TickerSource("github-octocat", "github", "octocat");
        upstream.stubFor(get(urlPathEqualTo("/users/octocat"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(jsonOfSize(
                                "\"login\": \"octocat\", \"followers\": 5", 8 * AnswerSizeLimit.MAX_BYTES))));

        refresh(source);

        SourceState state = store.stateOf(source);
        assertThat(state.failure().code().name()).isEqualTo("INVALID_PAYLOAD");
        assertThat(state.failure().message())
                .isEqualTo("The provider's answer had no usable follower count:"
                        + " the answer was longer than 1024 KiB, far more than a profile; it was not read");
        assertThat(state.failure().attempts()).isEqualTo(1);
    }

    @Test
    void anAnswerJustUnderTheSizeLimitIsRead() {
        TickerSource source = new TickerSource("github-octocat", "github", "octocat");
        String body = jsonOfSize("\"login\": \"octocat\", \"followers\": 5", AnswerSizeLimit.MAX_BYTES - 100);
        assertThat(body.length()).isBetween(AnswerSizeLimit.MAX_BYTES - 100, AnswerSizeLimit.MAX_BYTES);
        upstream.stubFor(get(urlPathEqualTo("/users/octocat"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));

        refresh(source);

        assertThat(store.stateOf(source).failure()).isNull();
        assertThat(store.stateOf(source).snapshot().total()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aNotFoundWithABodyOfAnotherShapeIsNotFound(TickerSource source, String path) {
        upstream.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"not found\"}")));

        refresh(source);

        SourceState state = store.stateOf(source);
        assertThat(state.failure().code().name()).isEqualTo("NOT_FOUND");
        assertThat(state.failure().httpStatus()).isEqualTo(404);
        assertThat(state.failure().attempts()).isEqualTo(1);
        assertThat(state.failure().message()).isEqualTo("The account was not found at the provider (HTTP 404)");
        assertThat(ApiClient.json(api.get("/api/metrics/" + source.id()))
                        .at("/error/code")
                        .asText())
                .isEqualTo("NOT_FOUND");
    }
}
