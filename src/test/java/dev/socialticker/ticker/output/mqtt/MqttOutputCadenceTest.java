package dev.socialticker.ticker.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.output.AwtrixBody;
import dev.socialticker.ticker.output.OutputSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an mqtt file's parameters make of its repeats and of sources without a count. */
class MqttOutputCadenceTest {
    /** Its settings (the broker's login) are not read for these. */
    final MqttOutput mqtt = new MqttOutput(null);

    /**
     * An AWTRIX app carries a lifetime; published only on a change, a healthy count that stood still
     * longer than it was framed in red. With an {@code awtrixPrefix} the output repeats every minute,
     * and the app's lifetime outlasts the wait between two of those pushes.
     */
    @Test
    void anOutputWithAnAwtrixClockRepeatsWithinItsAppsLifetime() {
        OutputSpec spec = spec(Map.of("awtrixPrefix", "awtrix_office"));

        assertThat(spec.repeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Duration.ofSeconds(AwtrixBody.lifetimeSeconds(spec))).isGreaterThan(AwtrixBody.gap(spec));
        assertThat(AwtrixBody.gap(spec)).isEqualTo(Duration.ofSeconds(70));
    }

    @Test
    void homeAssistantAloneNeedsNoRepeatAndAFileMaySayOtherwise() {
        assertThat(spec(Map.of()).repeat()).isZero();
        assertThat(spec(Map.of("awtrixPrefix", "awtrix_office", "repeat", "0s")).repeat())
                .isZero();
        assertThat(spec(Map.of("repeat", "5m")).repeat()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withDiscoveryItAnnouncesSourcesThatHaveNoCount() {
        assertThat(spec(Map.of()).announcesSourcesWithoutCount()).isTrue();
        assertThat(spec(Map.of("discovery", "false")).announcesSourcesWithoutCount())
                .isFalse();
    }

    private OutputSpec spec(Map<String, String> parameters) {
        Map<String, String> file = new java.util.HashMap<>(parameters);
        file.put("name", "home");
        file.put("url", "tcp://broker.local:1883");
        return OutputSpec.from(mqtt, file::get);
    }
}
