package dev.socialticker.ticker.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.Staleness;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.history.Growth;
import dev.socialticker.ticker.history.NextMilestone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages as pure functions: topics, the state body's shape, discovery's fields. */
class MqttMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MqttSettings SETTINGS = MqttSettings.of("tcp://broker.local:1883");
    static final TickerSource ACME = new TickerSource("instagram-acme", "instagram", "acme");
    static final Instant READ_AT = Instant.parse("2026-12-02T10:00:00.250Z");
    static final Staleness STALENESS = new Staleness(Duration.ofMinutes(30));

    @Test
    void topicsFollowTheBaseAndHomeAssistantsDiscoveryLayout() {
        assertThat(MqttMessages.stateTopic(SETTINGS, "instagram-acme")).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(MqttMessages.statusTopic(SETTINGS)).isEqualTo("social-ticker/status");
        assertThat(MqttMessages.discoveryTopic(SETTINGS, "instagram-acme"))
                .isEqualTo("homeassistant/sensor/social-ticker/instagram-acme/config");

        MqttSettings custom = new MqttSettings(
                "tcp://broker.local:1883", null, null, "c1", "home/counters", "ha", "office_ticker", null);
        assertThat(MqttMessages.stateTopic(custom, "github-octo")).isEqualTo("home/counters/github-octo/state");
        assertThat(MqttMessages.discoveryTopic(custom, "github-octo"))
                .isEqualTo("ha/sensor/office_ticker/github-octo/config");
    }

    @Test
    void aFreshStateIsRetainedAndShapedLikeTheApisSourceBody() throws Exception {
        SourceState state = SourceState.empty(ACME).withSnapshot(new Snapshot(12_345, "Acme", READ_AT, null, null));
        Growth growth = new Growth(312L, 2_100L, null, false);
        NextMilestone next = new NextMilestone(15_000, Instant.parse("2027-01-15T08:00:00Z"));

        MqttPublication message = MqttMessages.state(SETTINGS, state, STALENESS, READ_AT.plusSeconds(60), growth, next);

        assertThat(message.topic()).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(message.retained()).isTrue();
        JsonNode body = JSON.readTree(message.payload());
        assertThat(fieldNames(body))
                .containsExactly(
                        "id",
                        "provider",
                        "profile",
                        "total",
                        "refreshedAt",
                        "staleAt",
                        "stale",
                        "error",
                        "growth",
                        "nextMilestone");
        assertThat(body.get("id").asText()).isEqualTo("instagram-acme");
        assertThat(body.get("provider").asText()).isEqualTo("instagram");
        assertThat(body.get("profile").asText()).isEqualTo("Acme");
        assertThat(body.get("total").asLong()).isEqualTo(12_345);
        assertThat(body.get("refreshedAt").asText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(body.get("staleAt").asText()).isEqualTo("2026-12-02T10:30:00Z");
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.at("/growth/oneDay").asLong()).isEqualTo(312);
        assertThat(body.at("/growth/sevenDays").asLong()).isEqualTo(2_100);
        assertThat(body.at("/growth/thirtyDays").isNull()).isTrue();
        assertThat(body.at("/growth/approximate").asBoolean()).isFalse();
        assertThat(body.at("/nextMilestone/value").asLong()).isEqualTo(15_000);
        assertThat(body.at("/nextMilestone/eta").asText()).isEqualTo("2027-01-15T08:00:00Z");
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        SourceState state = SourceState.empty(ACME).withSnapshot(new Snapshot(7, "Acme", READ_AT, null, null));
        assertThat(MqttMessages.state(SETTINGS, state, STALENESS, READ_AT, null, null))
                .isEqualTo(MqttMessages.state(SETTINGS, state, STALENESS, READ_AT, null, null));
    }

    @Test
    void aFailedRefreshKeepsTheLastCountAndSaysWhyAndStale() throws Exception {
        Instant failedAt = READ_AT.plusSeconds(300);
        SourceState state = SourceState.empty(ACME)
                .withSnapshot(new Snapshot(12_345, "Acme", READ_AT, null, null))
                .withFailure(new Failure(FailureCode.RATE_LIMITED, "Rate limited by the upstream", failedAt, 429, 3));

        JsonNode body = JSON.readTree(MqttMessages.state(SETTINGS, state, STALENESS, failedAt, null, null)
                .payload());

        assertThat(body.get("total").asLong()).isEqualTo(12_345);
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(body.at("/error/message").asText()).isEqualTo("Rate limited by the upstream");
        assertThat(body.at("/error/at").asText()).isEqualTo("2026-12-02T10:05:00Z");
        assertThat(body.at("/error/httpStatus").asInt()).isEqualTo(429);
        assertThat(body.at("/error/attempts").asInt()).isEqualTo(3);
        assertThat(body.get("growth").isNull()).isTrue();
        assertThat(body.get("nextMilestone").isNull()).isTrue();
    }

    @Test
    void beforeAnyDataTheTotalIsNullAndTheErrorIsNoData() throws Exception {
        JsonNode body = JSON.readTree(MqttMessages.state(
                        SETTINGS,
                        SourceState.empty(ACME),
                        STALENESS,
                        READ_AT,
                        Growth.NONE,
                        new NextMilestone(100, null))
                .payload());

        assertThat(body.get("total").isNull()).isTrue();
        assertThat(body.get("profile").isNull()).isTrue();
        assertThat(body.get("stale").asBoolean()).isTrue();
        assertThat(body.at("/error/code").asText()).isEqualTo("NO_DATA");
        assertThat(body.get("growth").isNull()).isTrue();
        assertThat(body.get("nextMilestone").isNull()).isTrue();
    }

    /**
     * Field by field, with Home Assistant's names (home-assistant.io/integrations/sensor.mqtt and
     * /integrations/mqtt, "Discovery messages").
     */
    @Test
    void discoveryDescribesOneSensorPerSourceInHomeAssistantsTerms() throws Exception {
        MqttPublication config = MqttMessages.discovery(SETTINGS, ACME);

        assertThat(config.topic()).isEqualTo("homeassistant/sensor/social-ticker/instagram-acme/config");
        assertThat(config.retained()).isTrue();
        JsonNode json = JSON.readTree(config.payload());
        assertThat(json.get("name").asText()).isEqualTo("Instagram acme");
        assertThat(json.get("unique_id").asText()).isEqualTo("social-ticker_instagram-acme");
        assertThat(json.get("state_topic").asText()).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(json.get("value_template").asText()).isEqualTo("{{ value_json.total }}");
        assertThat(json.get("unit_of_measurement").asText()).isEqualTo("followers");
        assertThat(json.get("state_class").asText()).isEqualTo("measurement");
        assertThat(json.get("icon").asText()).isEqualTo("mdi:instagram");
        assertThat(json.get("json_attributes_topic").asText()).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(json.get("availability_topic").asText()).isEqualTo("social-ticker/status");
        assertThat(json.get("payload_available").asText()).isEqualTo("online");
        assertThat(json.get("payload_not_available").asText()).isEqualTo("offline");
        assertThat(json.at("/device/identifiers").isArray()).isTrue();
        assertThat(json.at("/device/identifiers/0").asText()).isEqualTo("social-ticker");
        assertThat(json.at("/device/name").asText()).isEqualTo("Social Ticker");
        assertThat(json.at("/device/manufacturer").asText()).isEqualTo("Social Ticker");
        assertThat(fieldNames(json)).hasSize(12);
    }

    @Test
    void eachProviderHasItsIconAndOthersAGroup() {
        assertThat(MqttMessages.iconOf("github")).isEqualTo("mdi:github");
        assertThat(MqttMessages.iconOf("mastodon")).isEqualTo("mdi:mastodon");
        assertThat(MqttMessages.iconOf("youtube")).isEqualTo("mdi:youtube");
        assertThat(MqttMessages.iconOf("bluesky")).isEqualTo("mdi:account-group");
    }

    @Test
    void availabilityIsRetainedOnlineAndOffline() {
        assertThat(MqttMessages.online(SETTINGS))
                .isEqualTo(new MqttPublication("social-ticker/status", "online", true));
        assertThat(MqttMessages.offline(SETTINGS))
                .isEqualTo(new MqttPublication("social-ticker/status", "offline", true));
    }

    @Test
    void aRemovedSourceClearsItsRetainedConfigAndState() {
        assertThat(MqttMessages.removal(SETTINGS, "instagram-acme"))
                .containsExactly(
                        new MqttPublication("homeassistant/sensor/social-ticker/instagram-acme/config", "", true),
                        new MqttPublication("social-ticker/instagram-acme/state", "", true));
    }

    @Test
    void anAwtrixAppGoesToTheClocksCustomTopic() {
        MqttPublication app = MqttMessages.awtrixApp("awtrix_clock1", "followers", "{\"text\":\"12.3K\"}");

        assertThat(app.topic()).isEqualTo("awtrix_clock1/custom/followers");
        assertThat(app.payload()).isEqualTo("{\"text\":\"12.3K\"}");
        assertThat(app.retained()).isTrue();
        assertThatThrownBy(() -> MqttMessages.awtrixApp("awtrix", "my app", "{}"))
                .hasMessageContaining("no spaces");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
