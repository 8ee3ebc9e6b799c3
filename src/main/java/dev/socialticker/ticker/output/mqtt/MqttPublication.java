package dev.socialticker.ticker.output.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message to publish: its topic, its text (UTF-8 on the wire) and whether the broker keeps it
 * for the next subscriber. An empty retained payload clears the topic's retained message.
 */
public record MqttPublication(String topic, String payload, boolean retained) {

    public MqttPublication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    public byte[] bytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
