package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.support.LocalPorts;
import dev.socialticker.ticker.support.RoutesDir;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;

/**
 * Every HTTP channel template failing each way against a stand-in receiver on loopback: a closed port,
 * an answer too late, a 4xx with the service's documented error body, a 5xx, a redirect (never
 * followed) and a success status with a body in a foreign shape (a login page). Each channel's secret
 * (the webhook's path and query, the bot token in the path, a bearer token) is set where the file's
 * setting says, and none of it may appear in the dead-letter line or in health. The line is read word
 * for word; the one given up is counted {@code failed} in {@code ticker_deliveries_total}.
 */
class ChannelFailuresTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Alert ALERT = ChannelTemplatesTest.ALERT;
    static final List<String> SECRETS =
            List.of("hookSecretPath", "querySecret", "123456:botSecretToken", "bearerSecretToken", "botSecretToken");

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /**
     * One template as a file: its parameters and settings for a receiver at {@code base}
     * ({@code http://127.0.0.1:<port>}), and the service's documented error body.
     */
    record Kind(
            String template,
            Function<String, Map<String, String>> parameters,
            Function<String, Map<String, String>> settings,
            String errorBody,
            String setting) {
        @Override
        public String toString() {
            return template;
        }
    }

    static final String NAME = "ops";
    static final String PREFIX = "ticker.alerts.channels." + NAME + ".";

    static final List<Kind> KINDS = List.of(
            new Kind(
                    "slack",
                    base -> Map.of(),
                    base -> Map.of(PREFIX + "webhook-url", base + "/services/T0/B0/hookSecretPath?x=querySecret"),
                    "invalid_payload",
                    PREFIX + "webhook-url"),
            new Kind(
                    "discord",
                    base -> Map.of(),
                    base -> Map.of(PREFIX + "webhook-url", base + "/api/webhooks/118/hookSecretPath?x=querySecret"),
                    "{\"message\": \"Invalid Form Body\", \"code\": 50035}",
                    PREFIX + "webhook-url"),
            new Kind(
                    "microsoft-teams",
                    base -> Map.of(),
                    base -> Map.of(
                            PREFIX + "webhook-url",
                            base
                                    + "/workflows/hookSecretPath/triggers/manual/paths/invoke?api-version=1&sig=querySecret"),
                    "{\"error\":{\"code\":\"DirectApiAuthorizationRequired\",\"message\":\"The request must be authenticated\"}}",
                    PREFIX + "webhook-url"),
            new Kind(
                    "ntfy",
                    base -> Map.of("url", base, "topic", "acme-alerts", "token", "token"),
                    base -> Map.of(PREFIX + "token", "bearerSecretToken"),
                    "{\"code\":40101,\"http\":401,\"error\":\"unauthorized\"}",
                    "the parameter url of channel 'ops'"),
            new Kind(
                    "telegram",
                    base -> Map.of("url", base, "chatId", "-1001234567890"),
                    base -> Map.of(PREFIX + "bot-token", "123456:botSecretToken"),
                    "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}",
                    "the parameter url of channel 'ops'"),
            new Kind(
                    "webhook",
                    base -> Map.of("urlSetting", "url", "bearer", "token"),
                    base -> Map.of(
                            PREFIX + "url",
                            base + "/hooks/hookSecretPath?token=querySecret",
                            PREFIX + "token",
                            "bearerSecretToken"),
                    "{\"status\":\"error\"}",
                    PREFIX + "url"));

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger deadLetters = (Logger) LoggerFactory.getLogger(DeliveryDesk.class);
    private final RoutesDir routes = new RoutesDir();
    private ChannelRig rig;

    @BeforeEach
    void start() throws IOException {
        logs.start();
        deadLetters.addAppender(logs);
        deadLetters.setLevel(Level.INFO);
        Files.createDirectories(routes.path().resolve("channels"));
    }

    @AfterEach
    void stop() {
        deadLetters.detachAppender(logs);
        if (rig != null) {
            rig.close();
        }
        routes.close();
    }

    static Stream<Arguments> kinds() {
        return KINDS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refused(Kind kind) {
        int closed = LocalPorts.free();
        fails(
                kind,
                "http://127.0.0.1:" + closed,
                "UNREACHABLE, the channel 'ops' at 127.0.0.1:" + closed + " is unreachable (connection refused)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tooLate(Kind kind) {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        fails(
                kind,
                base(),
                "500ms",
                "TIMEOUT, the channel 'ops' at 127.0.0.1:" + receiver.getPort()
                        + " did not answer in time (timed out)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aClientError(Kind kind) {
        int status = kind.template().equals("ntfy") ? 401 : 400;
        receiver.stubFor(post(anyUrl()).willReturn(answer(status, kind.errorBody())));
        fails(kind, base(), "REJECTED, the channel 'ops' answered HTTP " + status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aServerError(Kind kind) {
        receiver.stubFor(post(anyUrl()).willReturn(answer(503, "upstream connect error")));
        fails(kind, base(), "UNAVAILABLE, the channel 'ops' answered HTTP 503");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRedirectIsNotFollowed(Kind kind) {
        receiver.stubFor(post(anyUrl())
                .willReturn(aResponse().withStatus(302).withHeader("Location", "https://login.example.com/sso")));
        fails(
                kind,
                base(),
                "REJECTED, the channel 'ops' answered HTTP 302 (a redirect, not followed): check " + kind.setting());
    }

    /**
     * A login page answering 200 is not the service: not delivered. Alertmanager's receivers are
     * judged as Alertmanager judges them: any success status delivers, whatever the body.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSuccessStatusWithABodyInAForeignShape(Kind kind) {
        receiver.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Sign in to continue</body></html>")));
        if (kind.template().equals("webhook")) {
            start(kind, base(), "10s");
            rig.deliver(ALERT);
            assertThat(deliveries("delivered")).isEqualTo(1);
            assertThat(rig.health().getStatus().getCode()).isEqualTo("UP");
            return;
        }
        String expected = switch (kind.template()) {
            case "slack" -> "Slack's \"ok\"";
            case "discord" -> "Discord's 204 No Content";
            case "microsoft-teams" -> "a workflow's 202 Accepted";
            case "ntfy" -> "ntfy's published message";
            default -> "the Bot API's \"ok\":true";
        };
        fails(
                kind,
                base(),
                "UNEXPECTED, the channel 'ops' answered HTTP 200 but not with " + expected
                        + ": is a proxy or a login page in between, or does " + kind.setting() + " point elsewhere?");
    }

    private static String base() {
        return "http://127.0.0.1:" + receiver.getPort();
    }

    private static ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /**
     * The channel's file, with no retry; the timeout generous but where a timeout is the point: a
     * first call in a fresh JVM loads the HTTP client's classes, slower than any short timeout.
     */
    private void start(Kind kind, String base, String timeout) {
        Map<String, String> parameters =
                new java.util.LinkedHashMap<>(kind.parameters().apply(base));
        parameters.put("timeout", timeout);
        parameters.put("retries", "0");
        routes.write("channels/" + NAME + ".camel.yaml", ChannelFiles.file(NAME, kind.template(), parameters));
        rig = new ChannelRig(
                ChannelRig.alerts(null, null, RuleChannelsTest.rules(List.of(), List.of()), null),
                kind.settings().apply(base),
                routes.path(),
                NOW);
        assertThat(rig.catalog.broken()).as("refused files").isEmpty();
    }

    private void fails(Kind kind, String base, String failure) {
        fails(kind, base, "10s", failure);
    }

    private void fails(Kind kind, String base, String timeout, String failure) {
        start(kind, base, timeout);
        rig.deliver(ALERT);

        String line = lines().stream()
                .filter(each -> each.startsWith("Channel 'ops'"))
                .findFirst()
                .orElseThrow();
        System.out.println("[" + kind.template() + "] " + line);
        assertThat(line)
                .isEqualTo("Channel 'ops' failed to deliver ALERT instagram-acme/auth after 1 attempt(s): " + failure);
        Health health = rig.health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getStatus().getDescription()).startsWith("ops: " + failure + " (1 attempts, last at ");
        assertThat(deliveries("failed")).isEqualTo(1);
        String everything = String.join("\n", lines()) + health;
        for (String secret : SECRETS) {
            assertThat(everything).as("a secret of the channel's").doesNotContain(secret);
        }
    }

    private double deliveries(String outcome) {
        return rig.meters
                .get(DeliveryMeters.NAME)
                .tags("kind", "channel", "destination", NAME, "outcome", outcome)
                .counter()
                .count();
    }

    private List<String> lines() {
        return new ArrayList<>(
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
}
