package dev.socialticker.ticker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import java.util.stream.Stream;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * routes/telegram.camel.yaml in the running service, against a WireMock Bot API on loopback: the bot
 * token is a segment of the URL path ({@code /bot<token>/getChatMemberCount}), the one credential no
 * header or query hides. The proof it is masked everywhere the service reports a call: for a good
 * answer and for each way the call fails, neither the token nor its secret half appears in the log,
 * the API's bodies (the failure's message included), the health, the Prometheus scrape, or the name
 * of any endpoint Camel registered.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramProviderTest extends TokenProvidersServiceTest {
    static final String PATH = "/bot" + TELEGRAM_TOKEN + "/getChatMemberCount";
    /** What follows the bot id: the secret itself, were the token cut or encoded somewhere. */
    static final String SECRET_HALF = TELEGRAM_TOKEN.substring(TELEGRAM_TOKEN.indexOf(':') + 1);

    @Autowired
    SnapshotStore store;

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("a count", okJson(Fixtures.read("telegram", "member-count.json")), null),
                Arguments.of("a refused token", json(401, "unauthorized.json"), "AUTH_FAILED"),
                Arguments.of("an unknown channel", json(400, "chat-not-found.json"), "NOT_FOUND"),
                Arguments.of("the flood limit", json(429, "too-many-requests.json"), "RATE_LIMITED"),
                Arguments.of(
                        "a server error",
                        json(502, "unauthorized.json").withBody("<html>Bad Gateway</html>"),
                        "UPSTREAM_UNAVAILABLE"),
                Arguments.of(
                        "a connection reset",
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        "UPSTREAM_UNAVAILABLE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theBotTokenInThePathIsSentAndNeverShown(
            String name, ResponseDefinitionBuilder answer, String code, CapturedOutput output) {
        upstream.stubFor(get(urlPathEqualTo(PATH)).willReturn(answer));

        refresh(TELEGRAM);

        upstream.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("chat_id", equalTo("@telegram"))
                .withoutHeader("Authorization"));
        SourceState state = store.stateOf(TELEGRAM);
        if (code == null) {
            assertThat(state.failure()).isNull();
            assertThat(state.snapshot().total()).isEqualTo(1234);
        } else {
            assertThat(state.failure()).as("the failure recorded").isNotNull();
            assertThat(state.failure().code().name()).isEqualTo(code);
            assertThat(state.failure().message()).doesNotContain(TELEGRAM_TOKEN, SECRET_HALF);
        }
        String[] secret = {TELEGRAM_TOKEN, SECRET_HALF};
        assertThat(api.get("/api/metrics").body()).doesNotContain(secret);
        assertThat(api.get("/api/metrics/" + TELEGRAM.id()).body()).doesNotContain(secret);
        assertThat(management.get("/actuator/health").body()).doesNotContain(secret);
        assertThat(management.get("/actuator/prometheus").body())
                .contains("provider=\"telegram\"")
                .doesNotContain(secret);
        assertThat(camel.getEndpoints().stream().map(Endpoint::getEndpointUri))
                .as("Camel's endpoints")
                .isNotEmpty()
                .noneMatch(uri -> uri.contains(SECRET_HALF));
        assertThat(output.getAll())
                .contains("Refresh of source " + TELEGRAM.id() + " (telegram)")
                .doesNotContain(secret);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("telegram", fixture));
    }
}
