package dev.socialticker.ticker.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a provider's token changed: found at start-up, refreshed, its refresh failed,
 * or another instance of the fleet rotated it. Never the token itself.
 *
 * @param expiresAt      when the token in use expires; null when not known
 * @param refreshProblem why its latest refresh failed (no secret in it); null when it did not
 */
public record TokenChanged(String provider, Instant expiresAt, String refreshProblem) implements TickerEvent {
    public TokenChanged {
        Objects.requireNonNull(provider, "provider");
    }

    @Override
    public String subject() {
        return "provider " + provider;
    }
}
