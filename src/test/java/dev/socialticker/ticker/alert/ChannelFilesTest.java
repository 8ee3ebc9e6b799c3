package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.routefile.RouteFileCatalog;
import dev.socialticker.ticker.support.RoutesDir;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;

/**
 * Channel files as an integrator gets them wrong, and right: each wrong file is refused alone with
 * its reasons (a misspelt template, a setting that is not set, a setting that holds no URL, a file
 * taking a built-in channel's name, both or neither of the webhook's URLs), the good ones run beside
 * the built-in Slack; a changed file replaces its running channel, and a refused change leaves it as
 * it was.
 */
class ChannelFilesTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final RoutesDir routes = new RoutesDir();
    private ChannelRig rig;

    @BeforeEach
    void folder() throws IOException {
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
    void eachWrongFileIsRefusedAloneWithItsReasons() {
        write("good", "ntfy", Map.of("url", receiver.baseUrl(), "topic", "acme"));
        write("misspelt", "discrod", Map.of());
        write("unset", "discord", Map.of());
        write("no-url", "microsoft-teams", Map.of());
        write("slack", "slack", Map.of());
        write("both", "webhook", Map.of("url", "https://a.example.com/hook", "urlSetting", "url"));
        write("neither", "webhook", Map.of());
        start(Map.of("ticker.alerts.channels.no-url.webhook-url", "not a url, and a secret"), true);

        assertThat(rig.channels.running()).containsOnlyKeys("good", "slack");
        Map<String, String> refused = new TreeMap<>(rig.catalog.broken().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().reason())));
        refused.forEach((file, reason) -> System.out.println("[refused] " + file + ": " + reason));
        assertThat(refused).containsOnlyKeys("misspelt", "unset", "no-url", "slack", "both", "neither");
        assertThat(refused.get("misspelt"))
                .contains("routeTemplateRef 'discrod' is not a channel template", "did you mean 'discord'?");
        assertThat(refused.get("unset"))
                .contains("parameter 'webhookUrl' names the setting ticker.alerts.channels.unset.webhook-url"
                        + " (environment variable TICKER_ALERTS_CHANNELS_UNSET_WEBHOOKURL), which is not set");
        assertThat(refused.get("no-url"))
                .contains("the setting ticker.alerts.channels.no-url.webhook-url that parameter 'webhookUrl' names"
                        + " does not hold an http:// or https:// URL")
                .doesNotContain("not a url, and a secret");
        assertThat(refused.get("slack")).contains("the channel 'slack' is the built-in one of ticker.alerts.slack.*");
        assertThat(refused.get("both")).contains("give 'url' or 'urlSetting', not both");
        assertThat(refused.get("neither")).contains("parameter 'url' is required (or 'urlSetting'");

        Health health = rig.health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getStatus().getDescription()).contains("misspelt.camel.yaml", "unset.camel.yaml");
        assertThat(health.getDetails()).containsKeys("good", "slack");
        assertThat(health.toString()).doesNotContain("not a url, and a secret");
    }

    @Test
    void aChangedFileReplacesItsChannelAndARefusedChangeLeavesIt() {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        write("chat", "discord", Map.of("username", "First"));
        start(Map.of("ticker.alerts.channels.chat.webhook-url", receiver.baseUrl() + "/api/webhooks/1/first"), false);
        rig.deliver(ChannelTemplatesTest.ALERT);

        write("chat", "discord", Map.of("username", "Second"));
        assertThat(rig.loader.load(
                        rig.camel, rig.loader.folder().file(routes.path().resolve("channels/chat.camel.yaml"))))
                .isTrue();
        rig.deliver(ChannelTemplatesTest.ALERT);

        write("chat", "discord", Map.of("username", "Second", "retries", "9"));
        assertThat(rig.loader.load(
                        rig.camel, rig.loader.folder().file(routes.path().resolve("channels/chat.camel.yaml"))))
                .as("refused: 9 retries")
                .isFalse();
        rig.deliver(ChannelTemplatesTest.ALERT);

        assertThat(receiver.findAll(anyRequestedFor(urlPathEqualTo("/api/webhooks/1/first"))))
                .extracting(request -> request.getBodyAsString().replaceAll(".*\"username\":\"([^\"]+)\".*", "$1"))
                .containsExactly("First", "Second", "Second");
        assertThat(rig.catalog.findBroken("chat"))
                .map(RouteFileCatalog.Broken::reason)
                .get()
                .asString()
                .contains("parameter 'retries' must match [0-5]");
        assertThat(rig.channels.running()).containsOnlyKeys("chat");
    }

    /** With ticker.routes.reload, a file added, changed or deleted while the service runs is applied. */
    @Test
    void theFolderIsWatched() {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        rig = new ChannelRig(
                ChannelRig.alerts(null, null, RuleChannelsTest.rules(List.of(), List.of()), null),
                Map.of("ticker.alerts.channels.chat.webhook-url", receiver.baseUrl() + "/api/webhooks/1/watched"),
                routes.path(),
                NOW,
                true);
        assertThat(rig.channels.any()).isFalse();

        write("chat", "discord", Map.of("username", "Added"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rig.channels.running().containsKey("chat"));
        rig.deliver(ChannelTemplatesTest.ALERT);
        assertThat(receiver.findAll(anyRequestedFor(urlPathEqualTo("/api/webhooks/1/watched"))))
                .hasSize(1);

        routes.delete("channels/chat.camel.yaml");
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.channels.any());
        assertThat(rig.catalog.loaded()).isEmpty();
        assertThat(rig.camel.getRoute("channel-chat"))
                .as("its route is gone too")
                .isNull();
    }

    private void write(String name, String template, Map<String, String> parameters) {
        routes.write("channels/" + name + ".camel.yaml", ChannelFiles.file(name, template, parameters));
    }

    /** The channel files, with the built-in Slack beside them or not. */
    private void start(Map<String, String> settings, boolean slack) {
        Map<String, String> all = new TreeMap<>(settings);
        URI builtIn = URI.create(receiver.baseUrl() + "/services/T/B/builtIn");
        if (slack) {
            all.put("ticker.alerts.slack.webhook-url", builtIn.toString());
        }
        rig = new ChannelRig(
                ChannelRig.alerts(slack ? builtIn : null, null, RuleChannelsTest.rules(List.of(), List.of()), null),
                all,
                routes.path(),
                NOW);
    }
}
