package dev.socialticker.ticker.config;

/** Bad configuration found at start-up; the message names the property and what is allowed. */
public class TickerConfigurationException extends RuntimeException {
    public TickerConfigurationException(String message) {
        super(message);
    }
}
