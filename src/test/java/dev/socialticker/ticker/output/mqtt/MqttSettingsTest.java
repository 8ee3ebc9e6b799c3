package dev.socialticker.ticker.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults, refusals that name the parameter, and a password that never shows. */
class MqttSettingsTest {

    @Test
    void defaultsFillWhatIsNotSet() {
        MqttSettings settings = MqttSettings.of("tcp://broker.local:1883");

        assertThat(settings.baseTopic()).isEqualTo("social-ticker");
        assertThat(settings.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(settings.nodeId()).isEqualTo("social-ticker");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.clientId()).matches("social-ticker-[0-9a-f]{8}");
        assertThat(MqttSettings.of("tcp://broker.local:1883").clientId())
                .as("two instances never share a default client id")
                .isNotEqualTo(settings.clientId());
    }

    /** A WebSocket broker's path may carry a token: logs and errors name scheme, host and port only. */
    @Test
    void theBrokerIsNamedWithoutItsPathOrQuery() {
        assertThat(MqttSettings.of("wss://broker.example.com:8884/mqtt/tokenSecret?auth=querySecret")
                        .broker())
                .isEqualTo("wss://broker.example.com:8884");
        assertThat(MqttSettings.of("tcp://broker.local").broker()).isEqualTo("tcp://broker.local");
    }

    @Test
    void thePasswordIsNeverInToString() {
        MqttSettings settings = MqttSettings.of("tcp://broker.local:1883").withCredentials("ticker", "hunter2-secret");

        assertThat(settings.toString()).contains("username=ticker").doesNotContain("hunter2-secret");
    }

    @Test
    void wrongValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> MqttSettings.of(" ")).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> MqttSettings.of("http://broker.local")).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> MqttSettings.of("tcp://ticker:hunter2-secret@broker.local:1883"))
                .hasMessageStartingWith("url: no user or password")
                .message()
                .doesNotContain("hunter2-secret");
        assertThatThrownBy(() -> new MqttSettings("tcp://b:1883", null, null, null, "a/#", null, null, null))
                .hasMessageStartingWith("baseTopic:");
        assertThatThrownBy(() -> new MqttSettings("tcp://b:1883", null, null, null, null, null, "my node", null))
                .hasMessageStartingWith("nodeId:");
        assertThatThrownBy(() -> new MqttSettings("tcp://b:1883", null, null, "a b", null, null, null, null))
                .hasMessageStartingWith("clientId:");
        assertThatThrownBy(() -> MqttSettings.of("tcp://b:1883").withTimeout(Duration.ZERO))
                .hasMessageStartingWith("timeout:");
        assertThatThrownBy(() -> new MqttSettings("tcp://b:1883", null, "hunter2-secret", null, null, null, null, null))
                .hasMessageContaining("username is not")
                .message()
                .doesNotContain("hunter2-secret");
    }
}
