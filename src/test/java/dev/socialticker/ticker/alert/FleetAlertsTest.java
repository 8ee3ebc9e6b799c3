package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.socialticker.ticker.fleet.FleetInstances;
import dev.socialticker.ticker.fleet.FleetInstances.Instance;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.TestClockConfiguration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared mode speaks once per incident, as Alertmanager's cluster does: three instances over one
 * real Redis, a real SMTP server (GreenMail) and a Slack stand-in (WireMock), one incident seen by all
 * of them, the instance that alerted stopped, two restarts, and recovery. Every channel gets exactly
 * one ALERT, one REMINDER and one RESOLVED. The instances share one clock the test moves, so reminders
 * and resolutions come when the test says, not when a timer happens to run. Milestones too are
 * celebrated once for the fleet.
 */
class FleetAlertsTest {
    static final String WEBHOOK_PATH = "/services/T0000/B0000/fleetWebhook";
    static final String MILESTONE_WEBHOOK_PATH = "/services/T0000/B0000/fleetMilestones";
    static final String SOURCE = FleetInstances.SOURCE;

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static RedisServer redis;
    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    FleetInstances fleet;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("The fleet alert test");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    /** Each test counts the mails it caused (the server lives as long as the class). */
    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aFleetSendsOneAlertOneReminderAndOneResolvedPerChannelThroughATakeOverAndRestarts() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        AlertStandIns.answerWell(upstream);
        fleet = new FleetInstances(
                redis.port(),
                upstream.baseUrl(),
                "fleet-alerts:",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms",
                "--ticker.alerts.slack.webhook-url=" + upstream.baseUrl() + WEBHOOK_PATH,
                "--ticker.alerts.email.host=127.0.0.1",
                "--ticker.alerts.email.port=" + smtp.getSmtp().getPort(),
                "--ticker.alerts.email.from=ticker@example.com",
                "--ticker.alerts.email.to[0]=ops@example.com",
                "--ticker.alerts.email.starttls=false",
                "--ticker.alerts.repeat-after=10m",
                "--ticker.alerts.resolve-after=5m",
                // The test moves the clock by hours: the data's age is not what this test is about.
                "--ticker.alerts.rules.data-age.enabled=false");
        List<Instance> running = new ArrayList<>(List.of(fleet.start(clock), fleet.start(clock), fleet.start(clock)));
        refreshOn(running.get(0), running);
        Instance first = speaker(running);

        // One incident, seen by every instance: each of them refreshes and fails.
        AlertStandIns.answerExpiredToken(upstream);
        for (Instance instance : running) {
            refreshOn(instance, running);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE).size() == 1 && emails().size() == 1);
        settled(first);

        // The instance that alerted stops; another takes over, carries on, and repeats nothing.
        stop(first, running);
        checkAll(running);
        Instance second = speaker(running);
        assertThat(second).isNotEqualTo(first);
        clock.advance(Duration.ofMinutes(10));
        checkAll(running);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE).size() == 2 && emails().size() == 2);
        settled(second);

        // Restarts: one that listens, then the one that speaks.
        Instance listener = running.stream()
                .filter(instance -> !instance.equals(second))
                .findFirst()
                .orElseThrow();
        stop(listener, running);
        running.add(fleet.start(clock));
        refreshOn(running.get(running.size() - 1), running);
        stop(second, running);
        running.add(fleet.start(clock));
        checkAll(running);
        Instance third = speaker(running);
        refreshOn(third, running);

        // Recovery: one resolved message, from whichever instance speaks now.
        AlertStandIns.answerWell(upstream);
        refreshOn(running.get(0), running);
        clock.advance(Duration.ofMinutes(5));
        checkAll(running);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE).size() == 3 && emails().size() == 3);
        settled(speaker(running));
        checkAll(running);

        Map<String, Long> bySlack = kinds(AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE));
        Map<String, Long> byEmail = kinds(emails());
        System.out.println("[fleet-alerts] 3 instances, the alerting one stopped, 2 restarts: email: "
                + summary(byEmail) + "; slack: " + summary(bySlack));
        Map<String, Long> once = Map.of("ALERT", 1L, "REMINDER", 1L, "RESOLVED", 1L);
        assertThat(byEmail).isEqualTo(once);
        assertThat(bySlack).isEqualTo(once);
    }

    /**
     * Milestones in the shared mode: each is celebrated once for the fleet, by the instance whose
     * refresh read the count, whether it speaks for the fleet's incidents or not, and a dip and a
     * re-crossing read by the other instance send nothing.
     */
    @Test
    void aFleetCelebratesEachMilestoneOnceWhicheverInstanceReadTheCount() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(MILESTONE_WEBHOOK_PATH)).willReturn(ok("ok")));
        fleet = new FleetInstances(
                redis.port(),
                upstream.baseUrl(),
                "fleet-milestones:",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms",
                "--ticker.alerts.slack.webhook-url=" + upstream.baseUrl() + MILESTONE_WEBHOOK_PATH,
                "--ticker.alerts.email.host=127.0.0.1",
                "--ticker.alerts.email.port=" + smtp.getSmtp().getPort(),
                "--ticker.alerts.email.from=ticker@example.com",
                "--ticker.alerts.email.to[0]=owner@example.com",
                "--ticker.alerts.email.starttls=false",
                "--ticker.alerts.rules.data-age.enabled=false");
        List<Instance> running = new ArrayList<>(List.of(fleet.start(clock), fleet.start(clock)));
        Instance speaker = speaker(running);
        Instance listener = running.get(0).equals(speaker) ? running.get(1) : running.get(0);

        read(speaker, 9_990, running);
        read(listener, 10_004, running); // passed on the instance that does not speak: it sends
        read(speaker, 9_995, running);
        read(speaker, 10_010, running); // passed again on the other one: nothing
        read(listener, 24_990, running);
        read(speaker, 25_003, running); // passed on the speaker: it sends, through the fleet's outbox
        read(listener, 24_999, running);
        read(listener, 25_020, running);

        List<String> slack = AlertStandIns.slackTexts(upstream, MILESTONE_WEBHOOK_PATH);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        System.out.println(
                "[fleet-milestones] 2 instances, 8 readings, 2 milestones: slack " + slack + "; email " + subjects);
        assertThat(slack)
                .containsExactly(
                        ":tada: " + SOURCE + " (acme on Instagram) passed 10,000 followers — 10,004 now.",
                        ":tada: " + SOURCE + " (acme on Instagram) passed 25,000 followers — 25,003 now.");
        assertThat(subjects)
                .containsExactly(
                        "[Social Ticker] 🎉 " + SOURCE + " passed 10,000 followers",
                        "[Social Ticker] 🎉 " + SOURCE + " passed 25,000 followers");
    }

    /**
     * A refresh on {@code instance} reading {@code followers}; returns once every instance's history
     * holds it (its own reading there, the fleet's copy elsewhere) and every message it caused is out.
     */
    private void read(Instance instance, long followers, List<Instance> running) {
        AlertStandIns.answerCount(upstream, followers);
        clock.advance(Duration.ofMinutes(1));
        instance.refreshOnDemand();
        for (Instance each : running) {
            HistoryBook history = each.context().getBean(HistoryBook.class);
            await("every instance's history holds " + followers)
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> history.of(SOURCE).lastCount().equals(OptionalLong.of(followers)));
        }
        running.forEach(each -> MilestoneAlertsTest.settled(each.context()));
    }

    /** The instance that speaks for the fleet now: exactly one, once a turn has been claimed. */
    private static Instance speaker(List<Instance> running) {
        List<Instance> speaking = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            checkAll(running);
            speaking.clear();
            running.stream()
                    .filter(instance ->
                            instance.context().getBean(AlertSpeaker.class).speaks())
                    .forEach(speaking::add);
            return speaking.size() == 1;
        });
        return speaking.get(0);
    }

    /** Every running instance runs its alert check, as its timer does. */
    private static void checkAll(List<Instance> running) {
        running.forEach(
                instance -> instance.context().getBean(ProducerTemplate.class).sendBody(AlertEndpoints.CHECK, null));
    }

    /** The speaker's messages are delivered and the delivery recorded: nothing is left to send again. */
    private static void settled(Instance speaker) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> speaker.context().getBean(Incidents.class).outbox().isEmpty());
    }

    /**
     * A refresh on one instance, judged by every running instance (its own refresh there, the fleet's
     * change on the others); time moves on a minute first, so each change is newer than the last.
     */
    private void refreshOn(Instance instance, List<Instance> running) {
        clock.advance(Duration.ofMinutes(1));
        Map<Instance, Long> before = new HashMap<>();
        running.forEach(each ->
                before.put(each, each.context().getBean(AlertRoutes.class).judgedUpTo(SOURCE)));
        instance.refreshOnDemand();
        running.forEach(each -> await("every instance judged the refresh")
                .atMost(Duration.ofSeconds(20))
                .until(() -> each.context().getBean(AlertRoutes.class).judgedUpTo(SOURCE) > before.get(each)));
    }

    private static void stop(Instance instance, List<Instance> running) {
        running.remove(instance);
        instance.context().close();
    }

    /** The kinds emailed, in order, from each subject ("[Social Ticker] ALERT …"). */
    private static List<String> emails() throws MessagingException {
        List<String> kinds = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            kinds.add(AlertStandIns.kindIn(message.getSubject(), SOURCE));
        }
        return kinds;
    }

    private static Map<String, Long> kinds(List<String> messages) {
        return messages.stream()
                .collect(Collectors.groupingBy(kind -> kind, LinkedHashMap::new, Collectors.counting()));
    }

    private static String summary(Map<String, Long> kinds) {
        return kinds.entrySet().stream()
                .map(kind -> kind.getValue() + " " + kind.getKey())
                .collect(Collectors.joining(", "));
    }
}
