package dev.socialticker.ticker.output.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.TestJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages as pure functions: topics, the state message, discovery's fields. */
class MqttMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MqttSettings SETTINGS = MqttSettings.of("tcp://broker.local:1883");
    static final TickerSource ACME = new TickerSource("instagram-acme", "instagram", "acme");
    static final TickerSource OCTOCAT = new TickerSource("github-octocat", "github", "octocat");

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
    void theStateIsTheApisBodyRetainedOnTheSourcesTopic() {
        byte[] body = "{\"id\":\"instagram-acme\",\"total\":12345}".getBytes(StandardCharsets.UTF_8);

        MqttPublication message = MqttMessages.state(SETTINGS, "instagram-acme", body);

        assertThat(message.topic()).isEqualTo("social-ticker/instagram-acme/state");
        assertThat(message.retained()).isTrue();
        assertThat(message.bytes()).isEqualTo(body);
    }

    @Test
    void anEmptyStateIsRefusedForItWouldClearTheRetainedCount() {
        assertThatThrownBy(() -> MqttMessages.state(SETTINGS, "instagram-acme", new byte[0]))
                .hasMessageContaining("would clear social-ticker/instagram-acme/state");
    }

    /**
     * Field by field, with Home Assistant's names (home-assistant.io/integrations/sensor.mqtt and
     * /integrations/mqtt, "Discovery messages").
     */
    @Test
    void discoveryDescribesOneSensorPerSourceInHomeAssistantsTerms() throws Exception {
        MqttPublication config =
                MqttMessages.discovery(SETTINGS, ACME, BuiltInDisplays.INSTANCE.of("instagram"), TestJson.documents());

        assertThat(config.topic()).isEqualTo("homeassistant/sensor/social-ticker/instagram-acme/config");
        assertThat(config.retained()).isTrue();
        JsonNode json = JSON.readTree(config.payload());
        assertThat(json.get("name").asText()).isEqualTo("Instagram acme");
        assertThat(JSON.readTree(MqttMessages.discovery(
                                        SETTINGS, OCTOCAT, BuiltInDisplays.INSTANCE.of("github"), TestJson.documents())
                                .payload())
                        .get("name")
                        .asText())
                .as("as GitHub writes its name")
                .isEqualTo("GitHub octocat");
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
    void theSensorsUnitAndIconAreWhatItsProviderFileSays() throws Exception {
        TickerSource youtube = new TickerSource("youtube-uc", "youtube", "UC_x5XG1OV2P6uZZ5FSM9Ttw");
        JsonNode config = JSON.readTree(
                MqttMessages.discovery(SETTINGS, youtube, BuiltInDisplays.INSTANCE.of("youtube"), TestJson.documents())
                        .payload());
        assertThat(config.get("name").asText()).isEqualTo("YouTube UC_x5XG1OV2P6uZZ5FSM9Ttw");
        assertThat(config.get("unit_of_measurement").asText()).isEqualTo("subscribers");
        assertThat(config.get("icon").asText()).isEqualTo("mdi:youtube");

        TickerSource forum = new TickerSource("forum-acme", "forum", "acme");
        JsonNode defaults = JSON.readTree(
                MqttMessages.discovery(SETTINGS, forum, BuiltInDisplays.INSTANCE.of("forum"), TestJson.documents())
                        .payload());
        assertThat(defaults.get("name").asText()).as("a file without a display").isEqualTo("Forum acme");
        assertThat(defaults.get("unit_of_measurement").asText()).isEqualTo("followers");
        assertThat(defaults.get("icon").asText()).isEqualTo("mdi:account-group");
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
    void anAwtrixAppGoesToTheClocksCustomTopicRetainedWhileItIsCurrent() {
        MqttPublication app =
                MqttMessages.awtrixApp("awtrix_clock1", "followers", "{\"text\":\"12.3K\"}", Duration.ofSeconds(70));

        assertThat(app.topic()).isEqualTo("awtrix_clock1/custom/followers");
        assertThat(app.payload()).isEqualTo("{\"text\":\"12.3K\"}");
        assertThat(app.retained()).isTrue();
        // A clock that (re)connects later than this gets no app rather than an old count as fresh.
        assertThat(app.expiry()).isEqualTo(Duration.ofSeconds(70));
        assertThat(MqttMessages.awtrixApp("awtrix", "followers", "{}", null).expiry())
                .as("without repeats (no lifetime either): kept until replaced")
                .isNull();
        assertThatThrownBy(() -> MqttMessages.awtrixApp("awtrix", "my app", "{}", null))
                .hasMessageContaining("no spaces");
    }

    /**
     * The guide ({@code routes/outputs/README.md}, "Home Assistant") shows the config Home Assistant
     * gets for {@code github-octocat}: it is this one, to the byte's meaning (it said "Github").
     */
    @Test
    void theGuidesDiscoverySampleIsWhatIsPublished() throws Exception {
        String guide = Files.readString(Path.of("routes/outputs/README.md"), StandardCharsets.UTF_8);
        String after = guide.substring(guide.indexOf("The config for the source above"));
        int start = after.indexOf("```json") + "```json".length();
        String sample = after.substring(start, after.indexOf("```", start));

        assertThat(JSON.readTree(sample))
                .isEqualTo(JSON.readTree(MqttMessages.discovery(
                                SETTINGS, OCTOCAT, BuiltInDisplays.INSTANCE.of("github"), TestJson.documents())
                        .payload()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
