package dev.socialticker.ticker.output.mqtt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What the mqtt output publishes, as pure functions of the settings and a source's state (no
 * clock, no broker), so every byte is unit-testable:
 *
 * <ul>
 *   <li>{@code <base>/<source id>/state}, retained: the source's JSON, the very bytes
 *       {@code GET /api/metrics/{id}} answers (id, provider, profile, total, refreshedAt, staleAt,
 *       stale, error, growth, nextMilestone);
 *   <li>{@code <base>/status}, retained: {@code online} once connected, {@code offline} at a clean
 *       shutdown and, as the connection's Last Will, when the broker loses us;
 *   <li>{@code <discovery prefix>/sensor/<node id>/<source id>/config}, retained: Home Assistant
 *       MQTT discovery, so a sensor per source appears by itself.
 * </ul>
 *
 * <p>Discovery's field names are Home Assistant's own, as its MQTT docs give them: the topic
 * {@code <discovery_prefix>/<component>/[<node_id>/]<object_id>/config} with ids of
 * {@code [a-zA-Z0-9_-]} (home-assistant.io/integrations/mqtt, "Discovery topic"), and the sensor's
 * {@code name}, {@code unique_id}, {@code state_topic}, {@code value_template},
 * {@code unit_of_measurement}, {@code state_class}, {@code icon}, {@code json_attributes_topic},
 * {@code availability_topic} with {@code payload_available}/{@code payload_not_available}, and
 * {@code device} with {@code identifiers} (a list), {@code name}, {@code manufacturer}
 * (home-assistant.io/integrations/sensor.mqtt, "Configuration Variables"). Full names, not the
 * abbreviations ({@code stat_t}, {@code uniq_id}): a reader of the broker can read them.
 *
 * <p>AWTRIX 3 takes a custom app's JSON on {@code <awtrix prefix>/custom/<app name>} (its docs,
 * "MQTT / HTTP API", "Custom Apps and Notifications": the same body its HTTP
 * {@code POST /api/custom?name=<app>} takes); {@link #awtrixApp} names that topic for the awtrix
 * body the formats render.
 */
public final class MqttMessages {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    static final String MANUFACTURER = "Social Ticker";

    private MqttMessages() {}

    public static String stateTopic(MqttSettings settings, String sourceId) {
        return settings.baseTopic() + "/" + sourceId + "/state";
    }

    public static String statusTopic(MqttSettings settings) {
        return settings.baseTopic() + "/status";
    }

    public static String discoveryTopic(MqttSettings settings, String sourceId) {
        return settings.discoveryPrefix() + "/sensor/" + settings.nodeId() + "/" + sourceId + "/config";
    }

    /** The retained availability message published once connected. */
    public static MqttPublication online(MqttSettings settings) {
        return new MqttPublication(statusTopic(settings), ONLINE, true);
    }

    /** The retained availability message of a clean shutdown, and the connection's Last Will. */
    public static MqttPublication offline(MqttSettings settings) {
        return new MqttPublication(statusTopic(settings), OFFLINE, true);
    }

    /**
     * A source's state, retained so a subscriber that comes later (Home Assistant after a restart,
     * a clock after a power cut) reads the newest value at once. The body is the API's own
     * ({@code GET /api/metrics/{id}}, as {@code output.SourceBodies} renders it): one shape, written
     * in one place, for a reader of the API, a webhook and a subscriber alike. A source without a
     * count has {@code "total": null}, which {@code value_template} renders as {@code None}: Home
     * Assistant's MQTT sensor takes that as no value, and shows the sensor as unknown.
     *
     * @throws IllegalArgumentException for an empty body: retained, it would clear the topic
     */
    public static MqttPublication state(MqttSettings settings, String sourceId, byte[] json) {
        if (json == null || json.length == 0) {
            throw new IllegalArgumentException("no state to publish for " + sourceId
                    + ": an empty retained message would clear " + stateTopic(settings, sourceId));
        }
        return new MqttPublication(stateTopic(settings, sourceId), new String(json, StandardCharsets.UTF_8), true);
    }

    /**
     * Home Assistant's discovery config for a source's sensor, retained so Home Assistant finds it
     * whenever it (re)subscribes. The state is the whole JSON: the value is its {@code total}, the
     * rest (profile, stale, growth…) become the sensor's attributes. Its unit and icon are what the
     * provider's file says it counts and draws it with ({@code display}). Written by the service's
     * JSON data format ({@code json}).
     */
    public static MqttPublication discovery(
            MqttSettings settings, TickerSource source, ProviderDisplay display, JsonDocuments json) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("name", displayName(source, display));
        config.put("unique_id", settings.nodeId() + "_" + source.id());
        config.put("state_topic", stateTopic(settings, source.id()));
        config.put("value_template", "{{ value_json.total }}");
        config.put("unit_of_measurement", display.counts().other());
        config.put("state_class", "measurement");
        config.put("icon", display.icon());
        config.put("json_attributes_topic", stateTopic(settings, source.id()));
        config.put("availability_topic", statusTopic(settings));
        config.put("payload_available", ONLINE);
        config.put("payload_not_available", OFFLINE);
        ObjectNode device = config.putObject("device");
        device.putArray("identifiers").add(settings.nodeId());
        device.put("name", MANUFACTURER);
        device.put("manufacturer", MANUFACTURER);
        return new MqttPublication(
                discoveryTopic(settings, source.id()), new String(json.write(config), StandardCharsets.UTF_8), true);
    }

    /**
     * For a source that is gone: empty retained payloads clear its state and, by Home Assistant's
     * rule, remove its sensor.
     */
    public static List<MqttPublication> removal(MqttSettings settings, String sourceId) {
        return List.of(
                new MqttPublication(discoveryTopic(settings, sourceId), "", true),
                new MqttPublication(stateTopic(settings, sourceId), "", true));
    }

    /**
     * An AWTRIX 3 custom app: the awtrix body on {@code <prefix>/custom/<app>} (the clock's MQTT
     * prefix, set in its web interface). Retained, so a clock that (re)connects gets the app from the
     * broker at once, but only while it is current: it expires after {@code keptFor}, the longest
     * wait for the next push. The clock counts the app's {@code lifetime} from when it receives it
     * ({@code generateCustomPage}: {@code lastUpdate = millis()}, on every (re)subscription to
     * {@code <prefix>/custom/#}), so an app retained for ever would show a count from before a long
     * outage as fresh for a whole lifetime after the clock reconnects; expired, the clock gets no app
     * until the service pushes again.
     *
     * @param keptFor how long the broker keeps it; null: until replaced (an output without repeats,
     *                whose app has no lifetime either)
     */
    public static MqttPublication awtrixApp(String awtrixPrefix, String appName, String awtrixBody, Duration keptFor) {
        if (appName.isBlank() || appName.contains(" ") || appName.contains("/")) {
            throw new IllegalArgumentException("an AWTRIX app name has no spaces or '/', not '" + appName + "'");
        }
        return new MqttPublication(awtrixPrefix + "/custom/" + appName, awtrixBody, true, keptFor);
    }

    /** "Instagram acme": the provider as its owner writes it and the account as configured. */
    static String displayName(TickerSource source, ProviderDisplay display) {
        String title = display.name();
        return source.account() == null || source.account().isBlank() ? title : title + " " + source.account();
    }
}
