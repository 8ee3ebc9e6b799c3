package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule speaks on the channels it names ({@code ticker.alerts.rules.<rule>.channels}), every
 * channel when it names none; a rule naming a channel that does not run (no built-in one configured,
 * no file) is refused at start-up with the property and the reason. Real receivers: WireMock as
 * Slack's webhook, GreenMail as the mail server.
 */
class RuleChannelsTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final String WEBHOOK_PATH = "/services/T0000/B0000/rules";
    static final TickerSource SOURCE = new TickerSource("instagram-acme", "instagram", "acme");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private ChannelRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void eachRuleSpeaksOnTheChannelsItNames() {
        webhook.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        start(alerts(rules(List.of("email"), List.of("slack"))));

        deliver(new Alert(Alert.Kind.ALERT, AlertRule.AUTH, SOURCE, "rejected", "at once", NOW, NOW));
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);

        deliver(Alert.milestone(new MilestoneReached(SOURCE, 10_000, 10_004, NOW), "acme", ProviderDisplay.FOLLOWERS));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhook.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)))
                                .size()
                        == 1);

        deliver(new Alert(Alert.Kind.ALERT, AlertRule.FAILING, SOURCE, "3 failures", "3 in a row", NOW, NOW));
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhook.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)))
                                .size()
                        == 2);

        // Each delivery above returned once every channel it went to was done with it: the counts are final.
        assertThat(smtp.getReceivedMessages())
                .as("auth and failing (no channels named) by email; the milestone not")
                .hasSize(2);
        assertThat(webhook.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))))
                .as("the milestone and failing on Slack; auth not")
                .hasSize(2)
                .extracting(request -> request.getBodyAsString())
                .noneMatch(body -> body.contains("rejected"))
                .anyMatch(body -> body.contains("3 failures"));
    }

    @Test
    void aRuleNamingAChannelThatDoesNotRunIsRefusedWithTheProperty() {
        AlertProperties unknown = alerts(rules(List.of("pager"), List.of()));
        AlertProperties unconfigured = ChannelRig.alerts(null, email(), rules(List.of(), List.of("slack")), null);

        assertThat(problems(unknown))
                .containsExactly(Map.entry(
                        "ticker.alerts.rules.auth.channels",
                        "'pager' is no channel that runs (running: [email, slack]): add "
                                + Path.of("no-routes-here", "channels", "pager.camel.yaml")
                                + " (the built-in channels are slack and email)"));
        assertThat(problems(unconfigured))
                .containsExactly(Map.entry(
                        "ticker.alerts.rules.milestone.channels",
                        "'slack' is no channel that runs (running: [email]): set ticker.alerts.slack.* (the built-in"
                                + " channel), or add " + Path.of("no-routes-here", "channels", "slack.camel.yaml")));
        assertThat(problems(alerts(rules(List.of("email"), List.of("slack", "email")))))
                .as("channels that run")
                .isEmpty();
    }

    private List<Map.Entry<String, String>> problems(AlertProperties alerts) {
        try (ChannelRig started = new ChannelRig(alerts, settings(alerts), Path.of("no-routes-here"), NOW)) {
            return started.problems().stream()
                    .map(problem -> Map.entry(problem.subject(), problem.reason()))
                    .toList();
        }
    }

    private static Map<String, String> settings(AlertProperties alerts) {
        return alerts.slack().enabled()
                ? Map.of(
                        "ticker.alerts.slack.webhook-url",
                        alerts.slack().webhookUrl().toString())
                : Map.of();
    }

    /** Both channels configured, on the loopback receivers. */
    private static AlertProperties alerts(AlertProperties.Rules rules) {
        return ChannelRig.alerts(URI.create(webhook.baseUrl() + WEBHOOK_PATH), email(), rules, null);
    }

    private static AlertProperties.Email email() {
        return new AlertProperties.Email(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                "ticker@example.com",
                List.of("ops@example.com"),
                null,
                null,
                false);
    }

    /** The defaults, but auth's and the milestone's channels. */
    static AlertProperties.Rules rules(List<String> auth, List<String> milestone) {
        return new AlertProperties.Rules(
                new AlertProperties.Failing(true, 3, List.of()),
                new AlertProperties.Auth(true, auth),
                new AlertProperties.Quota(true, 80, List.of()),
                new AlertProperties.Latency(true, Duration.ofSeconds(5), 3, List.of()),
                new AlertProperties.DataAge(true, null, List.of()),
                new AlertProperties.TokenExpiry(true, 7, List.of()),
                new AlertProperties.Milestone(true, milestone));
    }

    private void start(AlertProperties alerts) {
        rig = new ChannelRig(alerts, settings(alerts), Path.of("no-routes-here"), NOW);
    }

    private void deliver(Alert alert) {
        rig.deliver(alert);
    }
}
