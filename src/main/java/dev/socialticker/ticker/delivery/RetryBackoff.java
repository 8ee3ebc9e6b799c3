package dev.socialticker.ticker.delivery;

import java.time.Duration;
import java.util.Objects;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;

/**
 * The one retry policy of outward deliveries: after a failed attempt, up to {@code retries} more,
 * the first after {@code firstDelay}, each next one after twice the wait before it, no wait longer
 * than {@link #MAX_DELAY}. An output's worker waits it out between its own attempts (it looks for a
 * newer state meanwhile); an alert channel's route gives it to Camel's redelivery
 * ({@link #applyTo}): the same waits either way.
 *
 * @param retries    attempts after the first
 * @param firstDelay the wait before the first retry
 */
public record RetryBackoff(int retries, Duration firstDelay) {
    /** No wait longer than this, however many retries: a destination back by then is not kept waiting. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public RetryBackoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    /** The wait before retry {@code retry} (1 for the first). */
    public Duration delayBefore(int retry) {
        Duration delay = firstDelay;
        for (int i = 1; i < retry && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Camel's redelivery with these waits. */
    public DeadLetterChannelDefinition applyTo(DeadLetterChannelDefinition handler) {
        handler.maximumRedeliveries(retries)
                .redeliveryDelay(firstDelay.toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(MAX_DELAY.toMillis());
        return handler;
    }
}
