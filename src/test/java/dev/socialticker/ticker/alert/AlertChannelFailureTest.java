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
import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.LocalPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * all. The built-in channels ({@code ticker.alerts.slack.*}, {@code ticker.alerts.email.*}) run alone in a
 * Camel context ({@link ChannelRig}) with their retries shortened to milliseconds through their own
 * properties; what is checked is the dead-letter line, word for word, the health component, and that
 * neither holds a secret (password, the webhook's path, a whole email address).
 */
class AlertChannelFailureTest {
    static final String PASSWORD = "smtp-secret-pw-42";
    static final String WRONG_PASSWORD = "smtp-other-secret-pw-13";
    static final String WEBHOOK_PATH = "/services/T0000/B0000/webhookSecretXYZ";
    static final String FROM = "ticker@example.com";
    static final List<String> TO = List.of("ops@example.com", "oncall@refused.example.org");
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration RETRY_DELAY = Duration.ofMillis(10);
    static final Alert ALERT = new Alert(
            Alert.Kind.ALERT,
            AlertRule.AUTH,
            new TickerSource("instagram-acme", "instagram", "acme"),
            "the provider rejected the credentials (AUTH_FAILED)",
            "at once",
            NOW.minusSeconds(60),
            NOW);
    static final String NOT_DELIVERED = "Channel '%s' failed to deliver ALERT instagram-acme/auth after 4 attempt(s): ";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, PASSWORD))
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger channelLog = (Logger) LoggerFactory.getLogger(DeliveryDesk.class);
    private final Logger sentLog = (Logger) LoggerFactory.getLogger(Channels.class);
    private ChannelRig rig;

    @BeforeEach
    void captureLog() {
        logs.start();
        channelLog.addAppender(logs);
        channelLog.setLevel(Level.INFO);
        sentLog.addAppender(logs);
        sentLog.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        channelLog.detachAppender(logs);
        sentLog.detachAppender(logs);
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void starttlsRequiredByDefaultButNotOffered() {
        int port = smtp.getSmtp().getPort();
        String reason = "STARTTLS is required but 127.0.0.1:" + port + " does not offer it: use a server that does,"
                + " or set ticker.alerts.email.starttls=false (the password then travels unencrypted)";

        emailFails(fast(new AlertProperties.Email("127.0.0.1", port, FROM, TO, FROM, PASSWORD, true)), reason);
    }

    @Test
    void authenticationRefused() {
        int port = smtp.getSmtp().getPort();
        String reason = "127.0.0.1:" + port + " refused the login: check ticker.alerts.email.username and"
                + " ticker.alerts.email.password";

        emailFails(fast(new AlertProperties.Email("127.0.0.1", port, FROM, TO, FROM, WRONG_PASSWORD, false)), reason);
    }

    @Test
    void senderRefused() throws IOException {
        try (RefusingSmtpServer server = new RefusingSmtpServer(FROM, null)) {
            String reason = "127.0.0.1:" + server.port() + " refused the sender (SMTP 553, an address at example.com):"
                    + " check ticker.alerts.email.from";

            emailFails(
                    fast(new AlertProperties.Email("127.0.0.1", server.port(), FROM, TO, null, null, false)), reason);
        }
    }

    @Test
    void recipientRefused() throws IOException {
        try (RefusingSmtpServer server = new RefusingSmtpServer(null, "refused.example.org")) {
            String reason = "127.0.0.1:" + server.port() + " refused 1 recipient(s) (SMTP 550, an address at"
                    + " refused.example.org): check ticker.alerts.email.to";

            emailFails(
                    fast(new AlertProperties.Email("127.0.0.1", server.port(), FROM, TO, null, null, false)), reason);
        }
    }

    @Test
    void connectionRefused() {
        int closed = LocalPorts.free();
        String reason = "127.0.0.1:" + closed + " is unreachable (connection refused)";

        emailFails(fast(new AlertProperties.Email("127.0.0.1", closed, FROM, TO, FROM, PASSWORD, true)), reason);
    }

    @Test
    void unknownHost() {
        String reason = "unknown host nonexistent.invalid: check ticker.alerts.email.host";

        emailFails(fast(new AlertProperties.Email("nonexistent.invalid", 587, FROM, TO, FROM, PASSWORD, true)), reason);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // The kernel completes the connection from the backlog; nobody ever accepts it or greets.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String reason = "127.0.0.1:" + silent.getLocalPort() + " did not answer in time (timed out)";

            emailFails(
                    fast(new AlertProperties.Email("127.0.0.1", silent.getLocalPort(), FROM, TO, FROM, PASSWORD, true)),
                    reason);
        }
    }

    @Test
    void webhookAnswers500() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(serverError()));

        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the channel 'slack' answered HTTP 500");
    }

    @Test
    void webhookAnswers404() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(notFound()));

        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the channel 'slack' answered HTTP 404");
    }

    @Test
    void webhookRefusesTheConnection() {
        int closed = LocalPorts.free();

        slackFails(
                URI.create("http://127.0.0.1:" + closed + WEBHOOK_PATH),
                "the channel 'slack' at 127.0.0.1:" + closed + " is unreachable (connection refused)");
    }

    @Test
    void webhookAnswersTooLate() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok").withFixedDelay(3000)));

        slackFails(
                URI.create(webhook.baseUrl() + WEBHOOK_PATH),
                "the channel 'slack' at localhost:" + webhook.getPort() + " did not answer in time (timed out)");
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

        rig.deliver(ALERT);

        LoggedRequest request =
                webhook.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))).get(0);
        System.out.println("[alerts] the Slack request's headers:\n" + request.getHeaders());
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.containsHeader("Transfer-Encoding"))
                .as("not chunked")
                .isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
        assertThat(new ObjectMapper().readTree(request.getBody()).path("text").asText())
                .isEqualTo(":red_circle: " + new AlertMessages(null, BuiltInDisplays.INSTANCE).headline(ALERT));
    }

    @Test
    void theNextMessageSentMarksTheChannelRecovered() {
        webhook.stubFor(
                post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(503)));
        slackFails(URI.create(webhook.baseUrl() + WEBHOOK_PATH), "the channel 'slack' answered HTTP 503");

        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        rig.deliver(ALERT);
        assertThat(lines())
                .contains(
                        "Alert sent via slack: ALERT instagram-acme/auth (the provider rejected the credentials (AUTH_FAILED))");

        Health after = rig.health();
        assertThat(after.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Object> slack = (Map<String, Object>) after.getDetails().get("slack");
        assertThat(slack)
                .containsEntry("template", "slack")
                .containsEntry("from", "ticker.alerts.slack.*")
                .containsEntry("state", "recovered")
                .containsEntry("lastDeliveredAt", NOW.toString())
                .containsEntry("lastDelivered", "instagram-acme/auth")
                .containsEntry("pending", 0)
                .containsEntry(
                        "lastFailure",
                        Map.of(
                                "about",
                                "instagram-acme/auth",
                                "code",
                                "UNAVAILABLE",
                                "message",
                                "the channel 'slack' answered HTTP 503",
                                "at",
                                NOW.toString(),
                                "httpStatus",
                                503,
                                "attempts",
                                4));
    }

    /** The e-mail channel with the fast timing. */
    static AlertProperties.Email fast(AlertProperties.Email email) {
        return new AlertProperties.Email(
                email.host(),
                email.port(),
                email.from(),
                email.to(),
                email.username(),
                email.password(),
                email.starttls(),
                TIMEOUT,
                3,
                RETRY_DELAY);
    }

    private void emailFails(AlertProperties.Email email, String reason) {
        AlertProperties alerts = ChannelRig.alerts(null, email, RuleChannelsTest.rules(List.of(), List.of()), null);
        rig = new ChannelRig(
                alerts,
                email.password() == null ? Map.of() : Map.of("ticker.alerts.email.password", email.password()),
                Path.of("no-routes-here"),
                NOW);
        rig.deliver(ALERT);
        assertFailure("email", reason);
    }

    /** The routes with Slack alone configured, at {@code url}, with the fast timing. */
    private void startSlack(URI url) {
        AlertProperties alerts = new AlertProperties(
                new AlertProperties.Slack(url, TIMEOUT, 3, RETRY_DELAY),
                new AlertProperties.Email(null, 587, null, null, null, null, true),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                null,
                RuleChannelsTest.rules(List.of(), List.of()),
                Map.of());
        rig = new ChannelRig(
                alerts, Map.of("ticker.alerts.slack.webhook-url", url.toString()), Path.of("no-routes-here"), NOW);
    }

    private void slackFails(URI url, String reason) {
        startSlack(url);
        rig.deliver(ALERT);
        assertFailure("slack", reason);
    }

    private void assertFailure(String channel, String reason) {
        // Delivered means done with: the dead letter was written before the message left its queue.
        String line = lines().stream()
                .filter(candidate -> candidate.startsWith("Channel '"))
                .findFirst()
                .orElseThrow();
        System.out.println("[alert channel] " + line);
        assertThat(line).matches(Pattern.quote(NOT_DELIVERED.formatted(channel)) + "[A-Z]+, " + Pattern.quote(reason));

        Health failing = rig.health();
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
