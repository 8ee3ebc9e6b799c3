package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert routes end to end: real refreshes against a WireMock Graph API, Slack's webhook on the
 * same WireMock, and a real SMTP server (GreenMail) in the test JVM. Counts are exact (one alert and
 * one resolved per incident), secrets are absent, and a failing channel neither slows refreshing
 * nor stops the other channel.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
            "ticker.providers.instagram.access-token=" + AlertDeliveryTest.TOKEN,
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms",
            "ticker.admin.token=" + AlertDeliveryTest.ADMIN_TOKEN,
            "ticker.alerts.email.host=127.0.0.1",
            "ticker.alerts.email.from=ticker@example.com",
            "ticker.alerts.email.to[0]=ops@example.com",
            "ticker.alerts.email.to[1]=oncall@example.com",
            "ticker.alerts.email.username=ticker@example.com",
            "ticker.alerts.email.password=" + AlertDeliveryTest.SMTP_PASSWORD,
            "ticker.alerts.email.starttls=false",
            // A channel file beside the built-in ones, its secret a setting of its own.
            "ticker.alerts.channels.pager.bot-token=" + AlertDeliveryTest.BOT_TOKEN,
            // The retries the properties always had, waiting milliseconds rather than seconds.
            "ticker.alerts.email.retry-delay=50ms",
            "ticker.alerts.slack.retry-delay=50ms",
            "ticker.alerts.public-url=https://ticker.example.com",
            "ticker.alerts.repeat-after=1h",
            "ticker.alerts.resolve-after=5m",
            // Operators who may see details see each channel's last delivery and failure.
            "management.endpoint.health.show-details=always"
        })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertDeliveryTest extends UpstreamServiceTest {
    static final String TOKEN = "IGQVJ-alert-test-token-9f8e7d";
    static final String SMTP_PASSWORD = "smtp-secret-pw-42";
    static final String ADMIN_TOKEN = "admin-secret-token-77";
    static final String WEBHOOK_PATH = "/services/T0000/B0000/webhookSecretXYZ";
    static final String SOURCE = "instagram-" + IG_USER;
    static final String BOT_TOKEN = "123456:bot-secret-token";
    static final String BOT_PATH = "/bot" + BOT_TOKEN + "/sendMessage";
    /** routes/channels/pager.camel.yaml: Telegram's Bot API, on the upstream stand-in. */
    static final RoutesDir ROUTES = new RoutesDir();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ticker@example.com", SMTP_PASSWORD))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) throws IOException {
        registry.add("ticker.alerts.slack.webhook-url", () -> upstream.baseUrl() + WEBHOOK_PATH);
        registry.add("ticker.alerts.email.port", () -> smtp.getSmtp().getPort());
        Files.createDirectories(ROUTES.path().resolve("channels"));
        ROUTES.write("channels/pager.camel.yaml", """
                - templatedRoute:
                    routeTemplateRef: telegram
                    routeId: channel-pager
                    parameters:
                      - { name: name, value: pager }
                      - { name: chatId, value: "-1001234567890" }
                      - { name: url, value: "%s" }
                """.formatted(upstream.baseUrl()));
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
    }

    @AfterAll
    static void removeRoutes() {
        ROUTES.close();
    }

    @Autowired
    SourceCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Incidents incidents;

    @Autowired
    AlertRoutes alertRoutes;

    @Autowired
    SnapshotStore store;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void allIncidentsOver() throws Exception {
        // The next test starts with no incident open: a success, then time for it to count as over.
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        stubTelegram();
        refreshAndWaitForAlerts();
        clock.advance(Duration.ofMinutes(5));
        producer.sendBody(AlertEndpoints.CHECK, null);
        // Delivery is asynchronous: the resolved messages must be out before the next test counts requests.
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents.outbox().isEmpty());
        assertThat(incidents.open()).as("no incident left open").isEmpty();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(1)
    void anExpiredTokenIsOneAlertOnEachChannelThenOneResolved(CapturedOutput output) throws Exception {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        stubTelegram();
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"Error validating access token: Session has expired on Friday,"
                                        + " 27-Nov-26 12:00:00 PST.\", \"type\": \"OAuthException\", \"code\": 190,"
                                        + " \"error_subcode\": 463, \"fbtrace_id\": \"AbCdEf123\"}}")));

        refreshAndWaitForAlerts();
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 1 && emails().length == 1);
        // Three refreshes later the failing rule holds too: the same cause, so it stays quiet.
        refreshAndWaitForAlerts();
        refreshAndWaitForAlerts();
        assertThat(slackPosts()).hasSize(1);
        assertThat(emails()).hasSize(1);

        JsonNode slack = json.readTree(slackPosts().get(0).getBodyAsString());
        MimeMessage email = emails()[0];
        System.out.println("[alerts] Slack JSON for an expired token:\n" + slack.toPrettyString());
        System.out.println("[alerts] Email for an expired token:\nSubject: " + email.getSubject() + "\nTo: "
                + String.join(", ", List.of(email.getHeader("To"))) + "\n\n" + GreenMailUtil.getBody(email));
        assertThat(slack.get("text").asText())
                .isEqualTo(":red_circle: ALERT " + SOURCE + ": the access token was rejected");
        assertThat(slack.toString())
                .contains(
                        "*Provider*\\ninstagram",
                        "*Rule*\\nauth",
                        "the provider rejected the credentials (AUTH_FAILED)",
                        "https://ticker.example.com/api/metrics/" + SOURCE);
        assertThat(email.getSubject()).isEqualTo("[Social Ticker] ALERT " + SOURCE + ": the access token was rejected");
        assertThat(GreenMailUtil.getBody(email)).contains("What to do: Get a new token");
        assertThat(email.getAllRecipients()).hasSize(2);
        assertNoSecret(slack.toString() + GreenMailUtil.getWholeMessage(email));

        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        refreshAndWaitForAlerts();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        producer.sendBody(AlertEndpoints.CHECK, null);
        assertThat(slackPosts()).as("not over before resolve-after").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        producer.sendBody(AlertEndpoints.CHECK, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 2 && emails().length == 2);

        JsonNode resolved = json.readTree(slackPosts().get(1).getBodyAsString());
        System.out.println("[alerts] Slack JSON when it is over:\n" + resolved.toPrettyString());
        System.out.println("[alerts] Email when it is over:\nSubject: " + emails()[1].getSubject() + "\n\n"
                + GreenMailUtil.getBody(emails()[1]));
        assertThat(resolved.get("text").asText())
                .isEqualTo(":large_green_circle: RESOLVED " + SOURCE + ": the access token was rejected — over");
        assertThat(emails()[1].getSubject()).startsWith("[Social Ticker] RESOLVED " + SOURCE);
        assertThat(output.getAll())
                .contains("Alert sent via slack: ALERT " + SOURCE + "/auth")
                .contains("Alert sent via email: RESOLVED " + SOURCE + "/auth");
        // The channel file delivered the same two messages beside the built-in channels.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> upstream.findAll(postRequestedFor(urlPathEqualTo(BOT_PATH)))
                                .size()
                        == 2);
        assertThat(upstream.findAll(postRequestedFor(urlPathEqualTo(BOT_PATH))))
                .extracting(request ->
                        json.readTree(request.getBodyAsString()).path("text").asText())
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("<b>🔴 ALERT " + SOURCE),
                        second -> assertThat(second).startsWith("<b>🟢 RESOLVED " + SOURCE));
        assertNoSecret(output.getAll());
        assertThat(output.getAll()).doesNotContain(BOT_TOKEN);
    }

    private static void stubTelegram() {
        upstream.stubFor(post(urlPathEqualTo(BOT_PATH))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1765101600}}")));
    }

    @Test
    @Order(2)
    void aQuotaAtNinetyPercentIsAnAlertARemindAfterAnHourAndOneResolved() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))
                        .withHeader("X-App-Usage", "{\"call_count\": 90, \"total_cputime\": 12, \"total_time\": 15}")));

        refreshAndWaitForAlerts();
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 1 && emails().length == 1);
        System.out.println("[alerts] Slack JSON for a quota at 90 %:\n"
                + json.readTree(slackPosts().get(0).getBodyAsString()).toPrettyString());
        System.out.println("[alerts] Email for a quota at 90 %:\nSubject: " + emails()[0].getSubject() + "\n\n"
                + GreenMailUtil.getBody(emails()[0]));
        assertThat(emails()[0].getSubject())
                .isEqualTo("[Social Ticker] ALERT " + SOURCE + ": the provider's quota is nearly used up");
        assertThat(GreenMailUtil.getBody(emails()[0])).contains("Observed:  90 % of the quota used", "Threshold: 80 %");

        clock.advance(Duration.ofHours(1));
        producer.sendBody(AlertEndpoints.CHECK, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 2 && emails().length == 2);
        assertThat(emails()[1].getSubject()).startsWith("[Social Ticker] REMINDER " + SOURCE);

        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))
                        .withHeader("X-App-Usage", "{\"call_count\": 10, \"total_cputime\": 2, \"total_time\": 3}")));
        refreshAndWaitForAlerts();
        clock.advance(Duration.ofMinutes(5));
        producer.sendBody(AlertEndpoints.CHECK, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 3 && emails().length == 3);
        assertThat(emails()[2].getSubject()).startsWith("[Social Ticker] RESOLVED " + SOURCE);
        producer.sendBody(AlertEndpoints.CHECK, null);
        assertThat(slackPosts()).as("exactly one resolved").hasSize(3);
    }

    @Test
    @Order(3)
    void slackAnswering503DoesNotStopEmailNorSlowRefreshing(CapturedOutput output) {
        // A 503 with a wait: Apache HttpClient would re-send it by itself after the wait; the one HTTP
        // component the channels share has that off, so each attempt is one request.
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"Invalid OAuth access token.\", \"type\": \"OAuthException\","
                                        + " \"code\": 190, \"fbtrace_id\": \"AbCdEf124\"}}")));
        double failedBefore = count("slack", "failed");
        double deliveriesFailedBefore = deliveries("slack", "failed");
        assertThat(deliveriesFailedBefore)
                .as("the channel's series exists from the start")
                .isNotNegative();

        refreshAndWaitForAlerts();
        // The refresh has ended and its outcome is served while Slack is still being retried.
        assertThat(ApiClient.json(api.get("/api/metrics")).at("/error/code").asText())
                .isEqualTo("AUTH_FAILED");
        await().atMost(Duration.ofSeconds(10)).until(() -> emails().length == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("slack", "failed") == failedBefore + 1);
        assertThat(deliveries("slack", "failed"))
                .as("ticker_deliveries_total counts what its alias ticker_alerts_total counts")
                .isEqualTo(deliveriesFailedBefore + 1);

        assertThat(slackPosts()).as("the first try and 3 retries").hasSize(4);
        // The failure is counted a moment before it is logged: on a busy machine the line may follow.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll())
                        .contains("Channel 'slack' failed to deliver ALERT " + SOURCE
                                + "/auth after 4 attempt(s): UNAVAILABLE, the channel 'slack' answered HTTP 503"));
        String log = output.getAll();
        System.out.println("[alerts] failed channel: "
                + log.lines()
                        .filter(line -> line.contains("Channel 'slack' failed to deliver"))
                        .findFirst()
                        .orElse("none"));
        assertNoSecret(log);

        // Health says which channel fails and why, to anyone; the service still serves (200).
        JsonNode failing = ApiClient.json(management.get("/actuator/health")).at("/components/alertChannels");
        System.out.println("[alerts] health while Slack fails: " + failing);
        assertThat(failing.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(failing.get("description").asText())
                .matches(
                        "slack: UNAVAILABLE, the channel 'slack' answered HTTP 503 \\(4 attempts, last at [0-9T:.-]+Z\\)");
        assertThat(failing.at("/details/slack/state").asText()).isEqualTo("failing");
        assertThat(failing.at("/details/email/state").asText()).isEqualTo("delivering");
        assertThat(management.get("/actuator/health").statusCode()).isEqualTo(200);
        assertNoSecret(failing.toString());

        // The status console says the same, on the service's own port, for anyone.
        String statusBody = api.get("/api/status").body();
        JsonNode channels = ApiClient.json(api.get("/api/status")).get("alertChannels");
        System.out.println("[alerts] /api/status while Slack fails: " + channels);
        assertThat(channels.findValuesAsText("name")).containsExactly("email", "pager", "slack");
        JsonNode slack = channels.get(2);
        assertThat(slack.get("state").asText()).isEqualTo("failing");
        assertThat(slack.get("template").asText()).isEqualTo("slack");
        assertThat(slack.at("/lastFailure/code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(slack.at("/lastFailure/message").asText()).isEqualTo("the channel 'slack' answered HTTP 503");
        assertThat(slack.at("/lastFailure/httpStatus").asInt()).isEqualTo(503);
        assertThat(slack.at("/lastFailure/attempts").asInt()).isEqualTo(4);
        assertThat(slack.at("/lastFailure/about").asText()).isEqualTo(SOURCE + "/auth");
        assertThat(channels.get(0).get("state").asText()).isEqualTo("delivering");
        assertThat(channels.get(0).get("lastDelivered").asText()).isEqualTo(SOURCE + "/auth");
        assertThat(channels.get(0).get("lastFailure").isNull()).isTrue();
        assertNoSecret(statusBody);
        assertThat(statusBody).doesNotContain(BOT_TOKEN, WEBHOOK_PATH);

        // The next message Slack takes (the reminder, an hour on) marks it recovered.
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        clock.advance(Duration.ofHours(1));
        producer.sendBody(AlertEndpoints.CHECK, null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ApiClient.json(management.get("/actuator/health"))
                        .at("/components/alertChannels/details/slack/state")
                        .asText()
                        .equals("recovered"));
        JsonNode recovered = ApiClient.json(management.get("/actuator/health")).at("/components/alertChannels");
        System.out.println("[alerts] health once Slack delivers again: " + recovered);
        assertThat(recovered.get("status").asText()).isEqualTo("UP");
        assertThat(recovered.at("/details/slack/lastFailure/message").asText())
                .isEqualTo("the channel 'slack' answered HTTP 503");
        assertThat(recovered.at("/details/slack/lastFailure/httpStatus").asInt())
                .isEqualTo(503);
        assertThat(recovered.at("/details/slack/lastDeliveredAt").asText()).isNotEmpty();
        JsonNode slackRecovered = ApiClient.json(api.get("/api/status")).at("/alertChannels/2");
        assertThat(slackRecovered.get("state").asText()).isEqualTo("recovered");
        assertThat(slackRecovered.at("/lastFailure/httpStatus").asInt()).isEqualTo(503);
    }

    @Test
    @Order(4)
    void anSmtpServerThatIsDownDoesNotStopSlack(CapturedOutput output) {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        upstream.stubFor(get(urlPathEqualTo(GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": {\"message\": \"Invalid OAuth access token.\", \"type\": \"OAuthException\","
                                        + " \"code\": 190, \"fbtrace_id\": \"AbCdEf125\"}}")));
        double failedBefore = count("email", "failed");
        int port = smtp.getSmtp().getPort();
        smtp.stop();

        refreshAndWaitForAlerts();
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("email", "failed") == failedBefore + 1);
        String reason = "127.0.0.1:" + port + " is unreachable (connection refused)";
        // Counted a moment before it is logged, as above.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll())
                        .contains("Channel 'email' failed to deliver ALERT " + SOURCE
                                + "/auth after 4 attempt(s): UNREACHABLE, " + reason));
        JsonNode health = ApiClient.json(management.get("/actuator/health")).at("/components/alertChannels");
        assertThat(health.get("description").asText())
                .startsWith("email: UNREACHABLE, " + reason + " (4 attempts, last at ");
        assertThat(health.at("/details/email/lastFailure/message").asText()).isEqualTo(reason);
        assertThat(health.at("/details/email/lastFailure/code").asText()).isEqualTo("UNREACHABLE");
        assertNoSecret(output.getAll() + health);
        smtp.start();
    }

    /**
     * Changes reach the alert routes on several threads: a failure that arrives after the success
     * that followed it is older news, and must neither open an incident nor count in a streak.
     */
    @Test
    @Order(5)
    void anOlderChangeArrivingAfterANewerOneIsNotJudged() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        refreshAndWaitForAlerts();
        TickerSource source = catalog.all().get(0);
        long newest = alertRoutes.judgedUpTo(source.id());
        SourceState good = store.stateOf(source);
        SourceState rejected = good.withFailure(
                new Failure(FailureCode.AUTH_FAILED, "The access token was rejected", clock.instant(), 400, 1));
        long dropped = alertRoutes.outOfOrder();

        // The failure the success replaced, arriving late (as a second subscriber thread can deliver it).
        producer.sendBody(
                EventEndpoints.HUB,
                new SourceChanged(good, rejected, SourceChanged.Cause.REFRESH, Duration.ofMillis(5), newest - 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertRoutes.outOfOrder() == dropped + 1);
        producer.sendBody(AlertEndpoints.CHECK, null);

        assertThat(alertRoutes.judgedUpTo(source.id())).isEqualTo(newest);
        assertThat(incidents.open()).as("the older failure opened nothing").isEmpty();
        assertThat(slackPosts()).isEmpty();
    }

    /** One refresh, as the timer runs it, and the alert routes done with its outcome. */
    private void refreshAndWaitForAlerts() {
        TickerSource source = catalog.all().get(0);
        long before = alertRoutes.judgedUpTo(source.id());
        refresh(source);
        await("the outcome reached the alert routes")
                .atMost(Duration.ofSeconds(10))
                .until(() -> alertRoutes.judgedUpTo(source.id()) > before);
    }

    private static List<LoggedRequest> slackPosts() {
        return upstream.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
    }

    /** The messages received, once each (GreenMail keeps one copy per recipient), in order. */
    private static MimeMessage[] emails() {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                byId.putIfAbsent(message.getMessageID(), message);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId.values().toArray(MimeMessage[]::new);
    }

    private double count(String channel, String outcome) {
        // Every rule's counter exists (at zero) from the start: the channel's count is their sum.
        return meters.find("ticker.alerts").tag("channel", channel).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** ticker_deliveries_total{kind="channel",destination,outcome}; -1 while the series does not exist. */
    private double deliveries(String channel, String outcome) {
        Counter counter = meters.find(DeliveryMeters.NAME)
                .tag("kind", "channel")
                .tag("destination", channel)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? -1 : counter.count();
    }

    private static void assertNoSecret(String text) {
        assertThat(text)
                .doesNotContain(
                        TOKEN, SMTP_PASSWORD, ADMIN_TOKEN, "webhookSecretXYZ", "Session has expired", "AbCdEf12");
    }
}
