package dev.socialticker.ticker.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * The one retry policy of outward deliveries: after a failed attempt, up to {@code retries} more,
 * the first after {@code firstDelay}, each next one after twice the wait before it, no wait longer
 * than {@link #MAX_DELAY}. Every destination's worker ({@link Courier}) waits it out between its own
 * attempts, looking for a newer parcel meanwhile.
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
}
