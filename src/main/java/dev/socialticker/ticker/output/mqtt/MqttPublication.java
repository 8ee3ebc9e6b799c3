package dev.socialticker.ticker.output.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One message to publish: its topic, its text (UTF-8 on the wire), whether the broker keeps it for
 * the next subscriber, and for how long at most. An empty retained payload clears the topic's
 * retained message.
 *
 * @param expiry MQTT 5's Message Expiry Interval, in whole seconds: the broker hands the message to no
 *               subscriber after it, and drops it as the topic's retained message (mosquitto does,
 *               whatever protocol the subscriber speaks); null: kept until replaced
 */
public record MqttPublication(String topic, String payload, boolean retained, Duration expiry) {

    public MqttPublication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (expiry != null && (expiry.toSeconds() < 1 || expiry.toSeconds() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("a message expires after 1 s to 2^32 - 1 s, not " + expiry);
        }
    }

    /** A message kept until replaced. */
    public MqttPublication(String topic, String payload, boolean retained) {
        this(topic, payload, retained, null);
    }

    public byte[] bytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
