package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.support.BuiltInDisplays;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A milestone's words: one friendly line naming the source, its profile and provider, the milestone and the count. */
class AlertMessagesTest {
    static final Instant AT = Instant.parse("2026-12-02T18:30:12.345Z");
    final AlertMessages messages =
            new AlertMessages(URI.create("https://ticker.example.com/"), BuiltInDisplays.INSTANCE);

    @Test
    void aMilestoneNamesTheProfileAndTheProviderAsTheirOwnersWriteThem() {
        Alert alert = Alert.milestone(
                new MilestoneReached(new TickerSource("github-octocat", "github", "octocat"), 2_500_000, 2_500_017, AT),
                "octocat",
                ProviderDisplay.FOLLOWERS);

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
    void withoutAProfileTheProviderAloneAndAFileWithoutADisplayItsNameWithACapital() {
        Alert alert = Alert.milestone(
                new MilestoneReached(new TickerSource("forum-acme", "forum", "acme"), 100, 103, AT),
                null,
                ProviderDisplay.FOLLOWERS);

        assertThat(messages.headline(alert)).isEqualTo("forum-acme (on Forum) passed 100 followers — 103 now.");
    }

    @Test
    void aMilestoneCountsWhatItsProviderCounts() {
        TickerSource discord = new TickerSource("discord-developers", "discord", "discord-developers");
        ProviderDisplay display = BuiltInDisplays.INSTANCE.of("discord");
        Alert alert = Alert.milestone(
                new MilestoneReached(discord, 250_000, 250_310, AT), "Discord Developers", display.counts());

        assertThat(messages.headline(alert))
                .isEqualTo("discord-developers (Discord Developers on Discord) passed 250,000 members — 250,310 now.");
        assertThat(messages.subject(alert)).isEqualTo("[Social Ticker] 🎉 discord-developers passed 250,000 members");
        assertThat(alert.observed()).isEqualTo("250,310 members");
        assertThat(alert.threshold()).isEqualTo("250,000 members");
    }
}
