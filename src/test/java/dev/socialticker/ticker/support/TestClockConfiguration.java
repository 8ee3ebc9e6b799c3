package dev.socialticker.ticker.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with a {@link MutableClock} starting at a fixed instant. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    public static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
