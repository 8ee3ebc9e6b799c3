package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** routes/threads.camel.yaml against a WireMock Threads API on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class ThreadsProviderTest extends TokenProvidersServiceTest {

    @Autowired
    SnapshotStore store;

    @Test
    void storesTheFollowersCountOfTheUsersInsights(CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(THREADS_PATH))
                .withQueryParam("metric", equalTo("followers_count"))
                .willReturn(okJson(fixture("threads-insights-followers.json"))));

        refresh(THREADS);

        SourceState state = store.stateOf(THREADS);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(1234);
        upstream.verify(getRequestedFor(urlPathEqualTo(THREADS_PATH))
                .withQueryParam("access_token", equalTo(currentToken()))
                .withoutHeader("Authorization"));
        assertThat(output.getAll()).doesNotContain(THREADS_TOKEN);
    }

    @Test
    void anEmptyInsightsAnswerIsNotFound() {
        upstream.stubFor(get(urlPathEqualTo(THREADS_PATH)).willReturn(okJson("{\"data\": []}")));

        refresh(THREADS);

        assertThat(store.stateOf(THREADS).failure().code().name()).isEqualTo("NOT_FOUND");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("error-190-invalid-token.json", 400, "AUTH_FAILED"),
                Arguments.of("error-4-app-rate-limit.json", 403, "RATE_LIMITED"),
                Arguments.of("error-100-33-unknown-user.json", 400, "NOT_FOUND"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failures")
    void graphErrorsAreClassifiedByTheFile(String fixture, int status, String code) {
        upstream.stubFor(get(urlPathEqualTo(THREADS_PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(fixture(fixture))));

        refresh(THREADS);

        SourceState state = store.stateOf(THREADS);
        assertThat(state.failure().code().name()).isEqualTo(code);
        assertThat(state.failure().httpStatus()).isEqualTo(status);
    }

    /** The configured token, or the one a refresh (ThreadsTokenRefreshTest, the timer) obtained since. */
    private String currentToken() {
        return upstream.findAll(getRequestedFor(urlPathEqualTo(THREADS_PATH)))
                .get(0)
                .queryParameter("access_token")
                .firstValue();
    }

    private static String fixture(String name) {
        return Fixtures.read("threads", name);
    }
}
