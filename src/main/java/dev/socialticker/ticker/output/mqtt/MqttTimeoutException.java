package dev.socialticker.ticker.output.mqtt;

/**
 * A publish the broker did not answer in time (a connect or an acknowledgement): its name is how the
 * outputs' dead letters tell a timeout ({@code TIMEOUT}) from other failures.
 */
public class MqttTimeoutException extends MqttPublishException {
    MqttTimeoutException(String message) {
        super(message);
    }

    MqttTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
