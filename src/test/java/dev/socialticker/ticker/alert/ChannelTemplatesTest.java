package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.alert.channel.ChannelTemplatesProbe;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.RoutesDir;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each channel template's ALERT and its RESOLVED as a stand-in receiver on loopback records them
 * (method, path, headers, body; GreenMail for email), each answering as its service documents: Slack's
 * {@code ok}, Discord's 204, a Teams workflow's 202, ntfy's published message, the Bot API's
 * {@code "ok":true}, any 2xx for Alertmanager's webhook. The channels are files in a routes folder, run by
 * the service's own machinery ({@link ChannelRig}). The webhook's payload is read back into records of
 * Alertmanager's own structs (notify/webhook/webhook.go, template/template.go), unknown fields refused.
 */
class ChannelTemplatesTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final TickerSource SOURCE = new TickerSource("instagram-acme", "instagram", "acme");
    static final String OBSERVED = "the provider rejected the credentials (AUTH_FAILED)";
    static final Alert ALERT =
            new Alert(Alert.Kind.ALERT, AlertRule.AUTH, SOURCE, OBSERVED, "at once", NOW.minusSeconds(300), NOW);
    static final Alert RESOLVED = new Alert(
            Alert.Kind.RESOLVED,
            AlertRule.AUTH,
            SOURCE,
            OBSERVED,
            "at once",
            NOW.minusSeconds(300),
            NOW.plusSeconds(900));
    static final URI PUBLIC_URL = URI.create("https://ticker.example.com");
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ticker@example.com", "smtp-pw-5150"));

    private final RoutesDir routes = new RoutesDir();
    private ChannelRig rig;

    @BeforeEach
    void channelsFolder() throws IOException {
        Files.createDirectories(routes.path().resolve("channels"));
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        routes.close();
    }

    @Test
    void slack() throws IOException {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        List<JsonNode> bodies = received(
                "team-slack",
                "slack",
                Map.of(),
                Map.of(
                        "ticker.alerts.channels.team-slack.webhook-url",
                        receiver.baseUrl() + "/services/T0/B0/slackSecret"));

        assertThat(bodies.get(0).path("text").asText())
                .isEqualTo(":red_circle: ALERT instagram-acme: the access token was rejected");
        assertThat(bodies.get(0)
                        .path("blocks")
                        .get(1)
                        .path("fields")
                        .get(3)
                        .path("text")
                        .asText())
                .isEqualTo("*Observed*\n" + OBSERVED);
        assertThat(bodies.get(1).path("text").asText())
                .isEqualTo(":large_green_circle: RESOLVED instagram-acme: the access token was rejected — over");
    }

    @Test
    void discord() throws IOException {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        List<JsonNode> bodies = received(
                "team-discord",
                "discord",
                Map.of(),
                Map.of(
                        "ticker.alerts.channels.team-discord.webhook-url",
                        receiver.baseUrl() + "/api/webhooks/1180000000000000000/discordSecretToken"));

        JsonNode alert = bodies.get(0);
        assertThat(alert.path("username").asText()).isEqualTo("Social Ticker");
        assertThat(alert.path("content").asText()).isEqualTo("🔴 ALERT instagram-acme: the access token was rejected");
        JsonNode embed = alert.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("ALERT instagram-acme: the access token was rejected");
        assertThat(embed.path("color").asInt()).isEqualTo(0xD93025);
        assertThat(embed.path("fields").findValuesAsText("name"))
                .containsExactly("Source", "Provider", "Rule", "Observed", "Threshold", "Since");
        assertThat(embed.path("timestamp").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(embed.path("url").asText()).isEqualTo("https://ticker.example.com/api/metrics/instagram-acme");
        assertThat(alert.path("allowed_mentions").path("parse").isEmpty())
                .as("pings nobody")
                .isTrue();
        assertThat(bodies.get(1).path("embeds").get(0).path("color").asInt()).isEqualTo(0x1E8E3E);
    }

    @Test
    void microsoftTeams() throws IOException {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
        List<JsonNode> bodies = received(
                "team-teams",
                "microsoft-teams",
                Map.of(),
                Map.of(
                        "ticker.alerts.channels.team-teams.webhook-url",
                        receiver.baseUrl()
                                + "/workflows/a1b2/triggers/manual/paths/invoke?api-version=1&sig=teamsSecretSig"));

        JsonNode alert = bodies.get(0);
        assertThat(alert.path("type").asText()).isEqualTo("message");
        JsonNode attachment = alert.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.2");
        assertThat(card.path("body").get(0).path("color").asText()).isEqualTo("Attention");
        assertThat(card.path("body").get(1).path("facts").findValuesAsText("title"))
                .containsExactly("Source", "Provider", "Rule", "Observed", "Threshold", "Since");
        assertThat(card.path("actions").get(0).path("url").asText())
                .isEqualTo("https://ticker.example.com/api/metrics/instagram-acme");
        assertThat(bodies.get(1)
                        .path("attachments")
                        .get(0)
                        .path("content")
                        .path("body")
                        .get(0)
                        .path("color")
                        .asText())
                .isEqualTo("Good");
        assertThat(receiver.findAll(anyRequestedFor(anyUrl())).get(0).getUrl())
                .as("the query, signature included, is sent as it was set")
                .endsWith("?api-version=1&sig=teamsSecretSig");
    }

    @Test
    void ntfy() throws IOException {
        receiver.stubFor(post(anyUrl())
                .willReturn(okJson("{\"id\":\"hwQ2YpKdmg\",\"time\":1765101600,\"expires\":1765144800,"
                        + "\"event\":\"message\",\"topic\":\"acme-alerts\",\"message\":\"…\"}")));
        List<JsonNode> bodies = received(
                "phone",
                "ntfy",
                Map.of("url", receiver.baseUrl(), "topic", "acme-alerts", "token", "token"),
                Map.of("ticker.alerts.channels.phone.token", "tk_ntfySecretToken"));

        LoggedRequest first = receiver.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(first.getUrl()).as("JSON to the server's root").isEqualTo("/");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer tk_ntfySecretToken");
        JsonNode alert = bodies.get(0);
        assertThat(alert.path("topic").asText()).isEqualTo("acme-alerts");
        assertThat(alert.path("title").asText()).isEqualTo("ALERT instagram-acme: the access token was rejected");
        assertThat(alert.path("priority").asInt())
                .as("rejected credentials stop every refresh")
                .isEqualTo(5);
        assertThat(alert.path("tags").toString()).isEqualTo("[\"rotating_light\",\"auth\"]");
        assertThat(alert.path("click").asText()).isEqualTo("https://ticker.example.com/api/metrics/instagram-acme");
        assertThat(alert.path("message").asText()).startsWith("Source: instagram-acme\nProvider: instagram\n");
        assertThat(bodies.get(1).path("priority").asInt()).isEqualTo(2);
        assertThat(bodies.get(1).path("tags").toString()).isEqualTo("[\"white_check_mark\",\"auth\"]");
    }

    @Test
    void telegram() throws IOException {
        receiver.stubFor(post(anyUrl())
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":42,\"date\":1765101600,"
                        + "\"chat\":{\"id\":-1001234567890,\"type\":\"channel\"},\"text\":\"…\"}}")));
        List<JsonNode> bodies = received(
                "ops-telegram",
                "telegram",
                Map.of("url", receiver.baseUrl(), "chatId", "-1001234567890"),
                Map.of("ticker.alerts.channels.ops-telegram.bot-token", "123456:telegramSecretToken"));

        assertThat(receiver.findAll(anyRequestedFor(anyUrl())).get(0).getUrl())
                .isEqualTo("/bot123456:telegramSecretToken/sendMessage");
        JsonNode alert = bodies.get(0);
        assertThat(alert.path("chat_id").isNumber()).isTrue();
        assertThat(alert.path("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(alert.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(alert.path("link_preview_options").path("is_disabled").asBoolean())
                .isTrue();
        assertThat(alert.path("text").asText())
                .startsWith("<b>🔴 ALERT instagram-acme: the access token was rejected</b>\n\nSource: instagram-acme\n")
                .contains("<a href=\"https://ticker.example.com/api/metrics/instagram-acme\">Metrics</a>");
        assertThat(bodies.get(1).path("text").asText()).startsWith("<b>🟢 RESOLVED");
    }

    /** Escaped as the Bot API's HTML mode requires: {@code &} first, then {@code <} and {@code >}. */
    @Test
    void telegramEscapesWhatHtmlWouldRead() {
        assertThat(ChannelTemplatesProbe.telegramHtml("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
    }

    @Test
    void webhookSendsAlertmanagersPayload() throws IOException {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        List<JsonNode> bodies = received(
                "incidents",
                "webhook",
                Map.of("url", receiver.baseUrl() + "/alertmanager", "bearer", "token"),
                Map.of("ticker.alerts.channels.incidents.token", "incidentsSecretToken"));

        assertThat(receiver.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer incidentsSecretToken");
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        AlertmanagerPayload.Message firing = strict.treeToValue(bodies.get(0), AlertmanagerPayload.Message.class);
        AlertmanagerPayload.Message resolved = strict.treeToValue(bodies.get(1), AlertmanagerPayload.Message.class);
        firing.assertComplete();
        resolved.assertComplete();

        assertThat(firing.version()).isEqualTo("4");
        assertThat(firing.status()).isEqualTo("firing");
        assertThat(firing.receiver()).isEqualTo("incidents");
        assertThat(firing.externalURL()).isEqualTo("https://ticker.example.com");
        assertThat(firing.truncatedAlerts()).isZero();
        assertThat(firing.groupKey()).isEqualTo("{}:{alertname=\"TickerAuth\", source=\"instagram-acme\"}");
        AlertmanagerPayload.Alert fired = firing.alerts().get(0);
        assertThat(fired.status()).isEqualTo("firing");
        assertThat(fired.labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "alertname", "TickerAuth",
                        "rule", "auth",
                        "source", "instagram-acme",
                        "provider", "instagram",
                        "severity", "critical"));
        assertThat(fired.annotations()).containsEntry("summary", "ALERT instagram-acme: the access token was rejected");
        assertThat(fired.startsAt()).isEqualTo("2026-12-07T09:55:00Z");
        assertThat(fired.endsAt())
                .as("Go's zero time, as Alertmanager sends a firing alert")
                .isEqualTo("0001-01-01T00:00:00Z");
        assertThat(fired.generatorURL()).isEqualTo("https://ticker.example.com/api/metrics/instagram-acme");
        assertThat(fired.fingerprint()).matches("[0-9a-f]{16}");

        AlertmanagerPayload.Alert over = resolved.alerts().get(0);
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(over.endsAt()).isEqualTo("2026-12-07T10:15:00Z");
        assertThat(over.fingerprint()).as("one alert, fired and resolved").isEqualTo(fired.fingerprint());
        assertThat(over.labels()).isEqualTo(fired.labels());
    }

    /** Prometheus' own test vector (prometheus/common, model/signature_test.go). */
    @Test
    void theFingerprintIsPrometheus() {
        assertThat(ChannelTemplatesProbe.fingerprint(Map.of("name", "garland, briggs", "fear", "love is not enough")))
                .isEqualTo(Long.toHexString(5799056148416392346L));
        assertThat(ChannelTemplatesProbe.fingerprint(Map.of()))
                .as("no labels: FNV-1a's offset basis, 14695981039346656037")
                .isEqualTo("cbf29ce484222325");
    }

    @Test
    void email() throws IOException, MessagingException {
        rig = start(
                "ops-mail",
                "email",
                Map.of(
                        "host", "127.0.0.1",
                        "port", Integer.toString(smtp.getSmtp().getPort()),
                        "from", "ticker@example.com",
                        "to", "ops@example.com, oncall@example.com",
                        "username", "ticker@example.com",
                        "password", "password",
                        "starttls", "false"),
                Map.of("ticker.alerts.channels.ops-mail.password", "smtp-pw-5150"));
        rig.deliver(ALERT);
        rig.deliver(RESOLVED);

        List<MimeMessage> received = List.of(smtp.getReceivedMessages());
        assertThat(received).as("two messages, each to two recipients").hasSize(4);
        MimeMessage alert = received.stream()
                .filter(message -> subject(message).startsWith("[Social Ticker] ALERT"))
                .findFirst()
                .orElseThrow();
        MimeMessage resolved = received.stream()
                .filter(message -> subject(message).startsWith("[Social Ticker] RESOLVED"))
                .findFirst()
                .orElseThrow();
        for (MimeMessage message : List.of(alert, resolved)) {
            System.out.println("[channel email] From: " + message.getFrom()[0] + "\nTo: "
                    + String.join(", ", List.of(message.getHeader("To"))) + "\nSubject: " + message.getSubject()
                    + "\nContent-Type: " + message.getContentType() + "\n\n" + GreenMailUtil.getBody(message));
        }
        assertThat(alert.getSubject()).isEqualTo("[Social Ticker] ALERT instagram-acme: the access token was rejected");
        assertThat(GreenMailUtil.getBody(alert)).contains("Observed:  " + OBSERVED, "What to do: ");
        assertThat(resolved.getSubject())
                .isEqualTo("[Social Ticker] RESOLVED instagram-acme: the access token was rejected — over");
        assertThat(received)
                .extracting(ChannelTemplatesTest::subject)
                .filteredOn(subject -> subject.contains("ALERT"))
                .hasSize(2);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    /**
     * Starts the channel file, delivers the ALERT and the RESOLVED, prints each request as the receiver
     * recorded it, and returns their bodies.
     */
    private List<JsonNode> received(
            String name, String template, Map<String, String> parameters, Map<String, String> settings)
            throws IOException {
        rig = start(name, template, parameters, settings);
        rig.deliver(ALERT);
        rig.deliver(RESOLVED);
        List<LoggedRequest> requests = receiver.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(2);
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : requests) {
            System.out.println("[channel " + template + "] " + request.getMethod() + " " + request.getUrl()
                    + "\nContent-Type: " + request.getHeader("Content-Type") + "\nContent-Length: "
                    + request.getHeader("Content-Length")
                    + (request.containsHeader("Authorization")
                            ? "\nAuthorization: " + request.getHeader("Authorization")
                            : "")
                    + "\n\n" + JSON.readTree(request.getBody()).toPrettyString());
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            bodies.add(JSON.readTree(request.getBody()));
        }
        assertThat(rig.health().getStatus().getCode()).isEqualTo("UP");
        return bodies;
    }

    private ChannelRig start(
            String name, String template, Map<String, String> parameters, Map<String, String> settings) {
        routes.write("channels/" + name + ".camel.yaml", ChannelFiles.file(name, template, parameters));
        ChannelRig started = new ChannelRig(
                ChannelRig.alerts(null, null, RuleChannelsTest.rules(List.of(), List.of()), PUBLIC_URL),
                settings,
                routes.path(),
                NOW);
        assertThat(started.catalog.broken()).as("refused files").isEmpty();
        assertThat(started.channels.running()).containsOnlyKeys(name);
        return started;
    }
}
