package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.state.StateRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents, not events: one alert, reminders at most every repeat-after, one resolved; one cause speaks once. */
class IncidentsTest {
    static final TickerSource IG = new TickerSource("instagram-acme", "instagram", "17841400000000000");
    static final TickerSource GH = new TickerSource("github-acme", "github", "acme");
    static final Duration REPEAT = Duration.ofHours(1);
    static final Duration RESOLVE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    final List<Alert> sent = new ArrayList<>();

    @Test
    void oneAlertWhileItLastsAndOneResolvedWhenItIsOver() {
        Incidents incidents = incidents();
        judge(incidents, IG, AlertRule.FAILING, true);
        judge(incidents, IG, AlertRule.FAILING, true);
        tick(incidents, Duration.ofMinutes(59));
        judge(incidents, IG, AlertRule.FAILING, false);
        tick(incidents, RESOLVE.minusSeconds(1));
        assertThat(kinds()).containsExactly("ALERT instagram-acme/failing");

        tick(incidents, Duration.ofSeconds(1));
        assertThat(kinds()).containsExactly("ALERT instagram-acme/failing", "RESOLVED instagram-acme/failing");
        tick(incidents, Duration.ofHours(3));
        assertThat(sent).hasSize(2);
    }

    @Test
    void aReminderEveryRepeatAfterWhileItLasts() {
        Incidents incidents = incidents();
        judge(incidents, IG, AlertRule.AUTH, true);
        tick(incidents, REPEAT.minusSeconds(1));
        assertThat(sent).hasSize(1);
        tick(incidents, Duration.ofSeconds(1));
        tick(incidents, Duration.ofMinutes(30));
        tick(incidents, Duration.ofMinutes(30));
        assertThat(kinds())
                .containsExactly(
                        "ALERT instagram-acme/auth", "REMINDER instagram-acme/auth", "REMINDER instagram-acme/auth");
    }

    @Test
    void aConditionThatComesBackWithinResolveAfterIsTheSameIncident() {
        Incidents incidents = incidents();
        judge(incidents, IG, AlertRule.FAILING, true);
        judge(incidents, IG, AlertRule.FAILING, false);
        tick(incidents, RESOLVE.minusSeconds(10));
        judge(incidents, IG, AlertRule.FAILING, true);
        tick(incidents, RESOLVE);
        assertThat(kinds()).containsExactly("ALERT instagram-acme/failing");
    }

    @Test
    void theMostSpecificRuleSpeaksForOneCause() {
        Incidents incidents = incidents();
        judge(incidents, IG, AlertRule.AUTH, true); // a dead token: at once
        judge(incidents, IG, AlertRule.FAILING, true); // three refreshes later
        judge(incidents, IG, AlertRule.DATA_AGE, true); // and later still
        judge(incidents, GH, AlertRule.FAILING, true); // another source speaks for itself
        tick(incidents, REPEAT);
        judge(incidents, IG, AlertRule.AUTH, false);
        judge(incidents, IG, AlertRule.FAILING, false);
        judge(incidents, IG, AlertRule.DATA_AGE, false);
        tick(incidents, RESOLVE);

        assertThat(kinds())
                .containsExactly(
                        "ALERT instagram-acme/auth",
                        "ALERT github-acme/failing",
                        "REMINDER instagram-acme/auth",
                        "REMINDER github-acme/failing",
                        "RESOLVED instagram-acme/auth");
    }

    @Test
    void anIncidentThatSpokeGetsItsResolvedEvenWhenAMoreSpecificOneCameAfter() {
        Incidents incidents = incidents();
        judge(incidents, IG, AlertRule.FAILING, true);
        judge(incidents, IG, AlertRule.AUTH, true);
        tick(incidents, REPEAT);
        judge(incidents, IG, AlertRule.FAILING, false);
        judge(incidents, IG, AlertRule.AUTH, false);
        tick(incidents, RESOLVE);

        assertThat(kinds())
                .containsExactly(
                        "ALERT instagram-acme/failing",
                        "ALERT instagram-acme/auth",
                        "REMINDER instagram-acme/auth",
                        "RESOLVED instagram-acme/failing",
                        "RESOLVED instagram-acme/auth");
    }

    @Test
    void aRestartNeitherRepeatsAnAlertNorLosesAResolved() {
        Incidents before = incidents();
        judge(before, IG, AlertRule.AUTH, true);
        before.delivered(sent.get(0));
        judge(before, IG, AlertRule.AUTH, false);
        now = now.plus(RESOLVE);
        List<Alert> resolved = before.tick(now); // decided, and the service stops before delivering it
        assertThat(resolved).extracting(Alert::kind).containsExactly(Alert.Kind.RESOLVED);

        Incidents after = incidents();
        assertThat(after.outbox())
                .as("the resolved message survives the restart")
                .isEqualTo(resolved);
        judge(after, IG, AlertRule.AUTH, false);
        assertThat(after.open()).isEmpty();

        Incidents stillOpen = incidents();
        sent.clear();
        judge(stillOpen, GH, AlertRule.FAILING, true);
        stillOpen.delivered(sent.get(0));
        Incidents restarted = incidents();
        judge(restarted, GH, AlertRule.FAILING, true);
        assertThat(kinds()).as("no second alert after the restart").containsExactly("ALERT github-acme/failing");
        assertThat(restarted.outbox()).extracting(Alert::kind).containsExactly(Alert.Kind.RESOLVED);
    }

    @Test
    void aMilestoneDecidedJustBeforeAStopIsSentAfterTheStartOnce() throws Exception {
        Incidents before = incidents();
        Alert celebration = before.announce(Alert.milestone(
                new MilestoneReached(IG, 10_000, 10_004, now),
                "acme",
                ProviderDisplay.FOLLOWERS)); // and the service stops

        Incidents after = incidents();
        assertThat(after.takeRecovered())
                .as("the celebration survives the restart, milestone and all")
                .containsExactly(celebration);
        assertThat(after.outbox().get(0).milestone()).isEqualTo(new Alert.Milestone(10_000, 10_004, "acme"));
        after.delivered(celebration);
        assertThat(incidents().takeRecovered())
                .as("sent: not again after the next start")
                .isEmpty();
    }

    @Test
    void anOutboxWrittenBeforeMilestonesIsStillRead() throws Exception {
        Files.writeString(dir.resolve("alerts.json"), """
                {"format":1,"incidents":[],"outbox":[{"kind":"RESOLVED","rule":"AUTH",
                 "source":{"id":"instagram-acme","provider":"instagram","account":"17841400000000000"},
                 "observed":"seen","threshold":"limit","since":"2026-11-29T10:00:00Z","at":"2026-11-29T10:05:00Z"}]}
                """);
        assertThat(incidents().takeRecovered())
                .extracting(Alert::kind, Alert::milestone)
                .containsExactly(tuple(Alert.Kind.RESOLVED, null));
    }

    private Incidents incidents() {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new Incidents(REPEAT, RESOLVE, new IncidentState(StateRepository.files(dir, Map.of()), json));
    }

    private void judge(Incidents incidents, TickerSource source, AlertRule rule, boolean holds) {
        incidents.judge(source, new Verdict(rule, holds, "seen", "limit"), now).ifPresent(sent::add);
    }

    private void tick(Incidents incidents, Duration later) {
        now = now.plus(later);
        sent.addAll(incidents.tick(now));
    }

    private List<String> kinds() {
        return sent.stream()
                .map(alert -> alert.kind() + " " + alert.incidentKey())
                .toList();
    }
}
