package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.TickerSource;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A milestone's words: one friendly line naming the source, its profile and provider, the milestone and the count. */
class AlertMessagesTest {
    static final Instant AT = Instant.parse("2026-12-02T18:30:12.345Z");
    final AlertMessages messages = new AlertMessages(URI.create("https://ticker.example.com/"));

    @Test
    void aMilestoneNamesTheProfileAndTheProviderAsTheirOwnersWriteThem() {
        Alert alert = Alert.milestone(
                new MilestoneReached(new TickerSource("github-octocat", "github", "octocat"), 2_500_000, 2_500_017, AT),
                "octocat");

        assertThat(messages.slack(alert).get("text").asText())
                .isEqualTo(":tada: github-octocat (octocat on GitHub) passed 2,500,000 followers — 2,500,017 now.");
        assertThat(messages.subject(alert)).isEqualTo("[Social Ticker] 🎉 github-octocat passed 2,500,000 followers");
        assertThat(messages.emailBody(alert))
                .startsWith("🎉 github-octocat (octocat on GitHub) passed 2,500,000 followers — 2,500,017 now.\n")
                .contains("Milestone: 2,500,000", "Count:     2,500,017 at 2026-12-02T18:30:12Z")
                .contains("https://ticker.example.com/api/metrics/github-octocat")
                .contains("ticker.alerts.rules.milestone.enabled=false");
        assertThat(alert.incidentKey()).isEqualTo("github-octocat/milestone/2500000");
    }

    @Test
    void withoutAProfileTheProviderAloneAndAProviderFileKeepsItsName() {
        Alert alert = Alert.milestone(
                new MilestoneReached(new TickerSource("forum-acme", "forum", "acme"), 100, 103, AT), null);

        assertThat(messages.headline(alert)).isEqualTo("forum-acme (on forum) passed 100 followers — 103 now.");
    }
}
