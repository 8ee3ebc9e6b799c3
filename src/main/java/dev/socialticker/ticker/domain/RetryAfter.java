package dev.socialticker.ticker.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one reading of an upstream's "come back later", wherever it is found: a {@code Retry-After}
 * header (delta-seconds or an HTTP date in any of its three forms, RFC 9110 §10.2.3), a rate
 * limit's reset, or a wait a provider file reads from the answer. A wait is never negative and is
 * capped at {@link #MAX}: an upstream that says "in a year" (or sends a wrong clock) must not
 * silence a source until a restart.
 */
public final class RetryAfter {
    /** The longest wait honoured. */
    public static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {}

    /** The wait a {@code Retry-After} value asks for at {@code now}; null when absent or unreadable. */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return capped(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        return HttpDates.parse(trimmed, Clock.fixed(now, ZoneOffset.UTC))
                .map(at -> until(at, now))
                .orElse(null);
    }

    /** The wait until an instant the upstream named (a date, a reset time): 0 when it is past. */
    public static Duration until(Instant at, Instant now) {
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : capped(wait);
    }

    /** A wait within [0, {@link #MAX}]; null stays null (no wait named). */
    public static Duration capped(Duration wait) {
        if (wait == null) {
            return null;
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
