package dev.socialticker.ticker.fleet;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This instance's name in the fleet's change messages ("{@code <instance> stored <id> <took ms>}"), so
 * it can tell its own messages from the others'. The refresh's duration, when there was a refresh,
 * lets the instance that judges alerts apply the latency rule to another's refresh; a message without
 * it (from an earlier version) is read as well.
 */
@Component
@SharedMode
class FleetInstance {
    private final String id = UUID.randomUUID().toString();

    /** This instance's name: in its change messages, and the holder of the leases it takes. */
    String id() {
        return id;
    }

    String message(String action, String sourceId) {
        return message(action, sourceId, null);
    }

    /** @param took the refresh's duration; null when no refresh made the change */
    String message(String action, String sourceId, Duration took) {
        return id + " " + action + " " + sourceId + (took == null ? "" : " " + took.toMillis());
    }

    /** A change made by another instance; empty for this instance's own messages or a malformed one. */
    Optional<Change> changeOf(String message) {
        String[] parts = message.split(" ");
        if (parts.length < 3
                || parts.length > 4
                || parts[0].equals(id)
                || !(parts[1].equals("stored") || parts[1].equals("deleted"))) {
            return Optional.empty();
        }
        return Optional.of(new Change(parts[1].equals("deleted"), parts[2], parts.length == 4 ? took(parts[3]) : null));
    }

    /** A duration this version cannot read is left out: the change still applies. */
    private static Duration took(String millis) {
        try {
            long value = Long.parseLong(millis);
            return value < 0 ? null : Duration.ofMillis(value);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /** @param took the refresh's duration on the instance that made it; null when not said */
    record Change(boolean deleted, String sourceId, Duration took) {}
}
