package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.CountPrecision;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** routes/youtube.camel.yaml against a WireMock YouTube Data API on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class YouTubeProviderTest extends SharedServiceTest {
    static final String CHANNEL = YOUTUBE_CHANNEL;
    static final String KEY = YOUTUBE_KEY;
    static final TickerSource SOURCE = new TickerSource("youtube-uc-x5xg1ov2p6uzz5fsm9ttw", "youtube", CHANNEL);
    static final String PATH = "/youtube/v3/channels";

    @Autowired
    SnapshotStore store;

    @Autowired
    CountPrecision precision;

    @Test
    void declaresItsCountsRoundedSoGrowthFromThemIsApproximate() {
        assertThat(precision.rounded("youtube")).isTrue();
        assertThat(precision.rounded("github")).as("exact counts").isFalse();
        assertThat(precision.rounded("no-such-provider")).isFalse();
    }

    @Test
    void readsTheSubscriberCountSentAsAString(CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("channel.json"))));

        refresh(SOURCE);

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.failure()).isNull();
        assertThat(state.snapshot().total()).isEqualTo(2480000);
        assertThat(state.snapshot().profile())
                .as("no profile field: the account")
                .isEqualTo(CHANNEL);
        upstream.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("part", equalTo("statistics"))
                .withQueryParam("id", equalTo(CHANNEL))
                .withQueryParam("key", equalTo(KEY)));
        assertThat(output.getAll()).doesNotContain(KEY);
        assertThat(api.get(tickerOf("youtube")).body()).doesNotContain(KEY);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "hidden subscriber count",
                        okJson(fixture("channel-hidden-count.json")),
                        "INVALID_PAYLOAD",
                        200,
                        "hides its follower count"),
                Arguments.of(
                        "no such channel (no items)",
                        okJson(fixture("no-channel.json")),
                        "NOT_FOUND",
                        200,
                        "no account"),
                Arguments.of(
                        "no such channel (empty items)",
                        okJson("{\"kind\": \"youtube#channelListResponse\", \"items\": []}"),
                        "NOT_FOUND",
                        200,
                        "no account"),
                Arguments.of("quota exceeded", error(403, "quota-exceeded.json"), "RATE_LIMITED", 403, "quotaExceeded"),
                Arguments.of("API key not valid", error(400, "key-invalid.json"), "AUTH_FAILED", 400, "API key"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("failures")
    void failuresKeepTheLastGoodCountAndSayWhy(
            String name, ResponseDefinitionBuilder failure, String code, Integer status, String message) {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("channel.json"))));
        refresh(SOURCE);
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(failure));

        refresh(SOURCE);

        assertFailedKeepingLastGood(store, SOURCE, 2480000, code, status, 1);
        assertThat(store.stateOf(SOURCE).failure().message()).contains(message);
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        return Fixtures.read("youtube", name);
    }
}
