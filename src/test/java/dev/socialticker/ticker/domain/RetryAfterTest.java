package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void retryAfterIsSecondsOrAnHttpDateInAnyOfItsForms() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", NOW))
                .as("a past date")
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Saturday, 28-Nov-26 10:01:30 GMT", NOW))
                .as("RFC 850")
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sat Nov 28 10:01:30 2026", NOW))
                .as("asctime")
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }

    @Test
    void everyWaitIsCappedAtADayWhereverItWasRead() {
        assertThat(RetryAfter.parse("999999999", NOW)).as("seconds").isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Sat, 28 Nov 2099 10:00:00 GMT", NOW))
                .as("a date")
                .isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.until(NOW.plus(Duration.ofDays(30)), NOW))
                .as("a reset time")
                .isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.capped(Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        assertThat(RetryAfter.capped(Duration.ofSeconds(-3))).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.capped(null)).isNull();
    }
}
