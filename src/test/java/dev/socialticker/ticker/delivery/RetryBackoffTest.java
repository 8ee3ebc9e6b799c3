package dev.socialticker.ticker.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.junit.jupiter.api.Test;

/**
 * One retry policy for every outward delivery: the waits an output's worker takes between its own
 * attempts are the waits Camel's redelivery takes for an alert channel, doubling, capped at a minute.
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
    void camelsRedeliveryTakesTheSameWaits() {
        RetryBackoff backoff = new RetryBackoff(8, Duration.ofMillis(500));
        DeadLetterChannelDefinition handler = backoff.applyTo(new DeadLetterChannelDefinition("mock:dead"));
        RedeliveryPolicy camel = new RedeliveryPolicy()
                .maximumRedeliveries(
                        Integer.parseInt(handler.getRedeliveryPolicy().getMaximumRedeliveries()))
                .redeliveryDelay(Long.parseLong(handler.getRedeliveryPolicy().getRedeliveryDelay()))
                .backOffMultiplier(
                        Double.parseDouble(handler.getRedeliveryPolicy().getBackOffMultiplier()))
                .maximumRedeliveryDelay(
                        Long.parseLong(handler.getRedeliveryPolicy().getMaximumRedeliveryDelay()));
        camel.setUseExponentialBackOff(true);

        assertThat(camel.getMaximumRedeliveries()).isEqualTo(8);
        long previous = 0;
        for (int retry = 1; retry <= 8; retry++) {
            long camelWait = camel.calculateRedeliveryDelay(previous, retry);
            assertThat(Duration.ofMillis(camelWait)).as("retry %d", retry).isEqualTo(backoff.delayBefore(retry));
            previous = camelWait;
        }
    }

    @Test
    void negativeRetriesAreRefused() {
        assertThatThrownBy(() -> new RetryBackoff(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retries must not be negative");
    }
}
