package dev.socialticker.ticker.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pushes an output takes. */
class OutputSpecTest {
    static final TickerSource GHOST = new TickerSource("github-ghost", "github", "ghost");
    static final Delivery WITHOUT_COUNT = new Delivery(SourceState.empty(GHOST), true, null);
    static final Delivery WITH_COUNT = new Delivery(
            SourceState.empty(GHOST).withSnapshot(new Snapshot(42, "ghost", Instant.EPOCH, null, null)), false, null);

    @Test
    void aSourceWithoutACountGoesOnlyToAnOutputThatAnnouncesSuch() {
        OutputSpec webhook = spec(Set.of(), false);
        OutputSpec homeAssistant = spec(Set.of(), true);

        assertThat(webhook.wants(WITHOUT_COUNT))
                .as("no body without a count reaches a webhook")
                .isFalse();
        assertThat(webhook.wants(WITH_COUNT)).isTrue();
        assertThat(homeAssistant.wants(WITHOUT_COUNT)).isTrue();
        assertThat(homeAssistant.wants(WITH_COUNT)).isTrue();
        assertThat(spec(Set.of("github-octocat"), true).wants(WITHOUT_COUNT))
                .as("nor to one that names other sources")
                .isFalse();
    }

    private static OutputSpec spec(Set<String> sources, boolean announces) {
        return new OutputSpec(
                "out",
                "mqtt",
                sources,
                Duration.ofSeconds(5),
                2,
                Duration.ofSeconds(1),
                Duration.ZERO,
                Map.of(),
                announces,
                Destination.of("the output 'out'", "tcp://broker.lan:1883", "url"));
    }
}
