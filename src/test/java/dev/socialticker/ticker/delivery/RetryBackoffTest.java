package dev.socialticker.ticker.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One retry policy for every outward delivery, an output's and an alert channel's worker alike: each
 * wait twice the one before, capped at a minute.
 */
class RetryBackoffTest {

    @Test
    void eachWaitIsTwiceTheOneBeforeUpToAMinute() {
        RetryBackoff backoff = new RetryBackoff(9, Duration.ofSeconds(1));

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::delayBefore))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1));
        assertThat(new RetryBackoff(1, Duration.ofMinutes(5)).delayBefore(1))
                .as("a first wait longer than the cap is capped too")
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void negativeRetriesAreRefused() {
        assertThatThrownBy(() -> new RetryBackoff(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retries must not be negative");
    }
}
