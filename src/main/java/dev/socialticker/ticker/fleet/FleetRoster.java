package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.delivery.DeliveryMeters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The instances of the fleet, in the shared mode only (no bean alone): each one says it is alive
 * every few seconds, and one that stops saying so leaves the roster by itself.
 */
public interface FleetRoster {

    /** The members heard from recently, the longest running first; empty when Redis cannot be reached. */
    Optional<List<Member>> members();

    /**
     * One instance.
     *
     * @param instance its name in the fleet's messages and leases (a random id per start)
     * @param host     the machine's (or container's) host name
     * @param startedAt when it started
     * @param seenAt    when it last said it is alive
     * @param answering true for the instance answering this request
     * @param delivers  the kinds of destination it delivered to at its last beat (one instance of the
     *                  fleet pushes to the outputs, one sends the alerts)
     */
    record Member(
            String instance,
            String host,
            Instant startedAt,
            Instant seenAt,
            boolean answering,
            Set<DeliveryMeters.Kind> delivers) {}
}
