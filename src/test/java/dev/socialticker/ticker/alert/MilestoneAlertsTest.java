package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.refresh.RefreshHeaders;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.SharedUpstream;
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The milestone rule end to end, with the file store: a source's count passes 10,000, dips below it
 * and passes it again, across a restart of the whole application over the same folder, and one
 * message arrives on each channel (Slack on the shared WireMock, email on GreenMail); with the rule
 * off, none. The upstream's count is what the test says, refreshes are the test's, and time is a
 * clock the test moves.
 */
class MilestoneAlertsTest {
    static final String WEBHOOK_PATH = "/services/T0000/B0000/milestoneWebhook";
    static final String SOURCE = "instagram-" + UpstreamServiceTest.IG_USER;
    static final String TEN_THOUSAND =
            ":tada: " + SOURCE + " (acme on Instagram) passed 10,000 followers — 10,004 now.";
    static final String TWENTY_FIVE_THOUSAND =
            ":tada: " + SOURCE + " (acme on Instagram) passed 25,000 followers — 25,003 now.";

    static final WireMockServer upstream = SharedUpstream.server();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @BeforeEach
    void slackAnswers() {
        upstream.resetAll();
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
    }

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aMilestoneIsCelebratedOnceThroughADipAndARestart() throws Exception {
        ConfigurableApplicationContext first = start();
        refresh(first, 9_990);
        refresh(first, 10_004);
        await("the milestone on Slack and by email")
                .atMost(Duration.ofSeconds(20))
                .until(() -> AlertStandIns.slackTexts(upstream, WEBHOOK_PATH).size() == 1
                        && smtp.getReceivedMessages().length == 1);
        refresh(first, 9_995); // a dip below it
        refresh(first, 10_010); // and past it again
        assertThat(AlertStandIns.slackTexts(upstream, WEBHOOK_PATH)).containsExactly(TEN_THOUSAND);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(sent(first, "slack")).isEqualTo(1);
        assertThat(sent(first, "email")).isEqualTo(1);

        MimeMessage email = smtp.getReceivedMessages()[0];
        System.out.println("[milestone] Slack JSON:\n"
                + upstream.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)))
                        .get(0)
                        .getBodyAsString()
                + "\n[milestone] Email:\nSubject: " + email.getSubject() + "\n\n" + GreenMailUtil.getBody(email));
        assertThat(email.getSubject()).isEqualTo("[Social Ticker] 🎉 " + SOURCE + " passed 10,000 followers");
        assertThat(body(email)).startsWith("🎉 " + TEN_THOUSAND.substring(":tada: ".length()));
        first.close();
        assertThat(Files.readString(dir.resolve("history").resolve(SOURCE + ".json")))
                .as("the milestone's mark, kept with the history")
                .contains("\"celebrated\":10000");

        // The next run over the same folder: a dip and a re-crossing send nothing; the next milestone does.
        ConfigurableApplicationContext second = start();
        refresh(second, 9_998);
        refresh(second, 10_020);
        assertThat(AlertStandIns.slackTexts(upstream, WEBHOOK_PATH))
                .as("no second message for 10,000 after the restart")
                .containsExactly(TEN_THOUSAND);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        refresh(second, 25_003);
        await("the next milestone")
                .atMost(Duration.ofSeconds(20))
                .until(() -> AlertStandIns.slackTexts(upstream, WEBHOOK_PATH).size() == 2
                        && smtp.getReceivedMessages().length == 2);
        refresh(second, 25_010);
        assertThat(AlertStandIns.slackTexts(upstream, WEBHOOK_PATH))
                .containsExactly(TEN_THOUSAND, TWENTY_FIVE_THOUSAND);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void noMessageWithTheRuleOff() throws Exception {
        ConfigurableApplicationContext off = start("--ticker.alerts.rules.milestone.enabled=false");
        refresh(off, 9_990);
        refresh(off, 10_004);
        assertThat(off.getBean(HistoryBook.class).of(SOURCE).celebrated())
                .as("the milestone was reached, and handed to the alerts")
                .isEqualTo(10_000);
        assertThat(AlertStandIns.slackTexts(upstream, WEBHOOK_PATH)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(sent(off, "slack")).isZero();
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--ticker.store.type=file",
                "--ticker.store.dir=" + dir,
                "--ticker.sources[0].provider=instagram",
                "--ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
                "--ticker.providers.instagram.access-token=milestone-test-token",
                "--ticker.providers.instagram.base-url=" + upstream.baseUrl() + "/v25.0",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms",
                "--ticker.refresh.retry.backoff=10ms",
                "--ticker.alerts.slack.webhook-url=" + upstream.baseUrl() + WEBHOOK_PATH,
                "--ticker.alerts.email.host=127.0.0.1",
                "--ticker.alerts.email.port=" + smtp.getSmtp().getPort(),
                "--ticker.alerts.email.from=ticker@example.com",
                "--ticker.alerts.email.to[0]=owner@example.com",
                "--ticker.alerts.email.starttls=false",
                "--ticker.alerts.rules.data-age.enabled=false"));
        args.addAll(List.of(more));
        long begun = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TickerApplication.class)
                .initializers(application -> ((GenericApplicationContext) application)
                        .registerBean(
                                "milestoneTestClock",
                                Clock.class,
                                () -> clock,
                                definition -> definition.setPrimary(true)))
                .run(args.toArray(String[]::new));
        System.out.println("[milestone] application started in " + (System.nanoTime() - begun) / 1_000_000 + " ms");
        started.add(context);
        return context;
    }

    /**
     * One refresh reading {@code followers}, a minute after the last; returns once the history holds
     * the count and whatever it caused (a milestone, its messages) has been handled.
     */
    private void refresh(ConfigurableApplicationContext context, long followers) {
        AlertStandIns.answerCount(upstream, followers);
        clock.advance(Duration.ofMinutes(1));
        context.getBean(ProducerTemplate.class).send(RefreshEndpoints.REFRESH_SOURCES, exchange -> {
            exchange.setProperty(RefreshHeaders.SCHEDULED, false);
            exchange.getIn().setBody(context.getBean(SourceCatalog.class).all());
        });
        HistoryBook history = context.getBean(HistoryBook.class);
        await("the history recorded " + followers)
                .atMost(Duration.ofSeconds(20))
                .until(() -> history.of(SOURCE).lastCount().equals(OptionalLong.of(followers)));
        settled(context);
    }

    /**
     * Nothing in flight or queued between the history and the channels, and nothing left to deliver:
     * a milestone the last reading crossed has been sent by now, and no other is coming.
     */
    static void settled(ConfigurableApplicationContext context) {
        CamelContext camel = context.getBean(CamelContext.class);
        SedaEndpoint hub = camel.getEndpoint(EventEndpoints.HUB, SedaEndpoint.class);
        SedaEndpoint deliveries = camel.getEndpoint(AlertEndpoints.DELIVERIES, SedaEndpoint.class);
        Incidents incidents = context.getBean(Incidents.class);
        await("the milestones and their messages handled")
                .atMost(Duration.ofSeconds(20))
                .during(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> hub.getCurrentQueueSize() == 0
                        && deliveries.getCurrentQueueSize() == 0
                        && camel.getInflightRepository().size() == 0
                        && incidents.outbox().isEmpty());
    }

    /** ticker_alerts_total{channel, rule="milestone", outcome="sent"}. */
    static double sent(ConfigurableApplicationContext context, String channel) {
        Counter counter = context.getBean(MeterRegistry.class)
                .find("ticker.alerts")
                .tags("channel", channel, "rule", "milestone", "outcome", "sent")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String body(MimeMessage email) throws MessagingException, IOException {
        return email.getContent().toString();
    }
}
