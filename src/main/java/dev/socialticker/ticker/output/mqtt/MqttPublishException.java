package dev.socialticker.ticker.output.mqtt;

/**
 * A publish that did not reach the broker: not connected, refused, timed out or not acknowledged.
 * Unchecked, so the output's route sees it as any other failure (its retries, its dead letter).
 * The message names the broker, the topic and the reason, never a password.
 */
public class MqttPublishException extends RuntimeException {
    MqttPublishException(String message) {
        super(message);
    }

    MqttPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
