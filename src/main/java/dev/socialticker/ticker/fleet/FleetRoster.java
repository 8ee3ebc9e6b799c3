package dev.socialticker.ticker.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
     */
    record Member(String instance, String host, Instant startedAt, Instant seenAt, boolean answering) {}
}
