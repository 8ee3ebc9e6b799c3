package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.json.JsonConfiguration;
import dev.socialticker.ticker.support.LocalPorts;
import dev.socialticker.ticker.support.TestJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Each way a channel fails, produced for real: GreenMail without STARTTLS or with another password, a
 * loopback SMTP stand-in that refuses a sender or a recipient ({@link RefusingSmtpServer}: GreenMail
 * accepts every address), a closed port, a host that cannot resolve ({@code .invalid}, RFC 2606), a
 * socket that accepts and never answers, and a WireMock webhook answering 500/404, too slowly or not at
 * all. The channel routes run alone in a Camel context with their retries shortened to milliseconds;
 * what is checked is the delivery log line, word for word, the health component, and that neither
 * holds a secret (password, the webhook's path, a whole email address).
 */
class AlertChannelFailureTest {
    static final String PASSWORD = "smtp-secret-pw-42";
    static final String WRONG_PASSWORD = "smtp-other-secret-pw-13";
    static final String WEBHOOK_PATH = "/services/T0000/B0000/webhookSecretXYZ";
    static final String FROM = "ticker@example.com";
    static final List<String> TO = List.of("ops@example.com", "oncall@refused.example.org");
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final AlertChannelRoutes.Timing FAST =
            new AlertChannelRoutes.Timing(Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofMillis(500));
    static final Alert ALERT = new Alert(
            Alert.Kind.ALERT,
            AlertRule.AUTH,
            new TickerSource("instagram-acme", "instagram", "acme"),
            "the provider rejected the credentials (AUTH_FAILED)",
            "at once",
            NOW.minusSeconds(60),
            NOW);
    static final String NOT_DELIVERED = "Alert not delivered via %s after 4 attempt(s): ALERT instagram-acme/auth: ";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, PASSWORD))
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger channelLog = (Logger) LoggerFactory.getLogger(AlertChannelRoutes.class);
    private CamelContext camel;
    private AlertChannelsHealthIndicator health;

    @BeforeEach
    void captureLog() {
        logs.start();
        channelLog.addAppender(logs);
        channelLog.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        channelLog.detachAppender(logs);
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void starttlsRequiredByDefaultButNotOffered() {
        int port = smtp.getSmtp().getPort();
        String reason = "STARTTLS is required but 127.0.0.1:" + port + " does not offer it: use a server that does,"
                + " or set ticker.alerts.email.starttls=false (the password then travels unencrypted)";

        emailFails(new AlertProperties.Email("127.0.0.1", port, FROM, TO, FROM, PASSWORD, true), reason);
    }

    @Test
    void authenticationRefused() {
        int port = smtp.getSmtp().getPort();
        String reason = "127.0.0.1:" + port + " refused the login: check ticker.alerts.email.username and"
                + " ticker.alerts.email.password";

        emailFails(new AlertProperties.Email("127.0.0.1", port, FROM, TO, FROM, WRONG_PASSWORD, false), reason);
    }

    @Test
    void senderRefused() throws IOException {
        try (RefusingSmtpServer server = new RefusingSmtpServer(FROM, null)) {
            String reason = "127.0.0.1:" + server.port() + " refused the sender (SMTP 553, an address at example.com):"
                    + " check ticker.alerts.email.from";

            emailFails(new AlertProperties.Email("127.0.0.1", server.port(), FROM, TO, null, null, false), reason);
        }
    }

    @Test
    void recipientRefused() throws IOException {
        try (RefusingSmtpServer server = new RefusingSmtpServer(null, "refused.example.org")) {
            String reason = "127.0.0.1:" + server.port() + " refused 1 recipient(s) (SMTP 550, an address at"
                    + " refused.example.org): check ticker.alerts.email.to";

            emailFails(new AlertProperties.Email("127.0.0.1", server.port(), FROM, TO, null, null, false), reason);
        }
    }

    @Test
    void connectionRefused() {
        int closed = LocalPorts.free();
        String reason = "127.0.0.1:" + closed + " is unreachable (connection refused)";

        emailFails(new AlertProperties.Email("127.0.0.1", closed, FROM, TO, FROM, PASSWORD, true), reason);
    }

    @Test
    void unknownHost() {
        String reason = "unknown host nonexistent.invalid: check ticker.alerts.email.host";

        emailFails(new AlertProperties.Email("nonexistent.invalid", 587, FROM, TO, FROM, PASSWORD, true), reason);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // The kernel completes the connection from the backlog; nobody ever accepts it or greets.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String reason = "127.0.0.1:" + silent.getLocalPort() + " did not answer in time (timed out)";

            emailFails(
                    new AlertProperties.Email("127.0.0.1", silent.getLocalPort(), FROM, TO, FROM, PASSWORD, true),
                    reason);
        }
    }

    @Test
    void webhookAnswers500() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(serverError()));

        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the webhook answered HTTP 500");
    }

    @Test
    void webhookAnswers404() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(notFound()));

        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the webhook answered HTTP 404");
    }

    @Test
    void webhookRefusesTheConnection() {
        int closed = LocalPorts.free();

        slackFails(
                URI.create("http://127.0.0.1:" + closed + WEBHOOK_PATH),
                "the webhook at 127.0.0.1:" + closed + " is unreachable (connection refused)");
    }

    @Test
    void webhookAnswersTooLate() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok").withFixedDelay(3000)));

        slackFails(
                URI.create(webhook.baseUrl() + WEBHOOK_PATH),
                "the webhook at localhost:" + webhook.getPort() + " did not answer in time (timed out)");
    }

    @Test
    void webhookHostUnknown() {
        slackFails(
                URI.create("https://nonexistent.invalid" + WEBHOOK_PATH),
                "unknown host nonexistent.invalid: check ticker.alerts.slack.webhook-url");
    }

    /** The message leaves as one JSON body with its length, as the service's JSON data format wrote it. */
    @Test
    void postsTheMessageAsJsonWithItsLength() throws IOException {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        startSlack(URI.create(webhook.baseUrl() + WEBHOOK_PATH));

        deliver(AlertEndpoints.SLACK);

        LoggedRequest request =
                webhook.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))).get(0);
        System.out.println("[alerts] the Slack request's headers:\n" + request.getHeaders());
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.containsHeader("Transfer-Encoding"))
                .as("not chunked")
                .isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
        assertThat(new ObjectMapper().readTree(request.getBody()).path("text").asText())
                .isEqualTo(":red_circle: " + new AlertMessages(null).headline(ALERT));
    }

    @Test
    void theNextMessageSentMarksTheChannelRecovered() {
        webhook.stubFor(
                post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(503)));
        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the webhook answered HTTP 503");

        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        deliver(AlertEndpoints.SLACK);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> lines().contains(
                                        "Alert sent via slack: ALERT instagram-acme/auth (the provider rejected the credentials (AUTH_FAILED))"));

        Health after = health.health();
        assertThat(after.getStatus()).isEqualTo(Status.UP);
        assertThat(after.getDetails().get("slack"))
                .isEqualTo(Map.of(
                        "state",
                        "recovered",
                        "lastDeliveredAt",
                        NOW.toString(),
                        "lastDelivered",
                        "instagram-acme/auth",
                        "lastFailure",
                        Map.of(
                                "about",
                                "instagram-acme/auth",
                                "code",
                                "UNAVAILABLE",
                                "message",
                                "the webhook answered HTTP 503",
                                "at",
                                NOW.toString(),
                                "httpStatus",
                                503,
                                "attempts",
                                4)));
    }

    private void emailFails(AlertProperties.Email email, String reason) {
        start(new AlertProperties(
                new AlertProperties.Slack(null),
                email,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                null,
                RuleChannelsTest.rules(List.of(), List.of())));
        deliver(AlertEndpoints.EMAIL);
        assertFailure("email", reason);
    }

    /** The routes with Slack alone configured, at {@code url}. */
    private void startSlack(URI url) {
        start(new AlertProperties(
                new AlertProperties.Slack(url),
                new AlertProperties.Email(null, 587, null, null, null, null, true),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                null,
                RuleChannelsTest.rules(List.of(), List.of())));
    }

    private void slackFails(URI url, String reason) {
        startSlack(url);
        deliver(AlertEndpoints.SLACK);
        assertFailure("slack", reason);
    }

    private void start(AlertProperties alerts) {
        health = new AlertChannelsHealthIndicator(alerts);
        camel = channelRoutes(alerts, health, NOW);
    }

    /**
     * The channel routes alone, started in a plain Camel context with the fast timing, reporting to
     * {@code health}: what a channel test delivers to ({@link AlertEndpoints#SLACK}, {@link AlertEndpoints#EMAIL}).
     */
    static CamelContext channelRoutes(AlertProperties alerts, AlertChannelsHealthIndicator health, Instant now) {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind(JsonConfiguration.DATA_FORMAT, TestJson.dataFormat());
        try {
            camel.addRoutes(new AlertChannelRoutes(
                    alerts,
                    new AlertMessages(null),
                    new SimpleMeterRegistry(),
                    health,
                    Clock.fixed(now, ZoneOffset.UTC),
                    FAST));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        camel.start();
        return camel;
    }

    private void deliver(String channel) {
        camel.createProducerTemplate().send(channel, exchange -> {
            exchange.setProperty(AlertRoutes.ALERT, ALERT);
            exchange.getIn().setBody(ALERT);
        });
    }

    private void assertFailure(String channel, String reason) {
        String expected = NOT_DELIVERED.formatted(channel) + reason;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> lines().stream().anyMatch(line -> line.startsWith("Alert not delivered via")));
        String line = lines().stream()
                .filter(candidate -> candidate.startsWith("Alert not delivered via"))
                .findFirst()
                .orElseThrow();
        System.out.println("[alert channel] " + line);
        assertThat(line).isEqualTo(expected);

        Health failing = health.health();
        assertThat(failing.getStatus().getCode()).isEqualTo(AlertChannelsHealthIndicator.DEGRADED);
        // The outputs' record shape: the code, the reason, when, the attempts.
        assertThat(failing.getStatus().getDescription())
                .matches(Pattern.quote(channel + ": ") + "[A-Z]+" + Pattern.quote(", " + reason + " (") + "[0-9]+"
                        + Pattern.quote(" attempts, last at " + NOW + ")"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) failing.getDetails().get(channel);
        assertThat(details).containsEntry("state", "failing").doesNotContainKey("lastDeliveredAt");
        assertThat((Map<String, Object>) details.get("lastFailure"))
                .containsEntry("about", "instagram-acme/auth")
                .containsEntry("message", reason)
                .containsEntry("at", NOW.toString());
        assertNoSecret(String.join("\n", lines()) + failing);
    }

    private List<String> lines() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void assertNoSecret(String text) {
        assertThat(text)
                .doesNotContain(
                        PASSWORD,
                        WRONG_PASSWORD,
                        "webhookSecretXYZ",
                        "/services/",
                        FROM,
                        "ops@example.com",
                        "oncall@refused.example.org");
    }
}
