package dev.socialticker.ticker.fleet;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This instance's name in the fleet's change messages ("{@code <instance> stored <id>}"), so it can
 * tell its own messages from the others'.
 */
@Component
@SharedMode
class FleetInstance {
    private final String id = UUID.randomUUID().toString();

    String message(String action, String sourceId) {
        return id + " " + action + " " + sourceId;
    }

    /** A change made by another instance; empty for this instance's own messages or a malformed one. */
    Optional<Change> changeOf(String message) {
        String[] parts = message.split(" ");
        if (parts.length != 3 || parts[0].equals(id) || !(parts[1].equals("stored") || parts[1].equals("deleted"))) {
            return Optional.empty();
        }
        return Optional.of(new Change(parts[1].equals("deleted"), parts[2]));
    }

    record Change(boolean deleted, String sourceId) {
    }
}
