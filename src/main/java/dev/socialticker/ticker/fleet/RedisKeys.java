package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.state.StateKey;

/**
 * Every Redis key and channel of the shared mode, under {@code ticker.store.key-prefix}
 * ({@code ticker:} by default) so that several fleets, or other applications, can share one Redis.
 * <ul>
 *   <li>{@code ticker:state:<id>}: a source's state, the same JSON document as the file store's;</li>
 *   <li>{@code ticker:lease:<id>}: the lease of the instance refreshing the source now (its holder,
 *       with an expiry: {@link RedisState#holdLease});</li>
 *   <li>{@code ticker:attempt:<id>}: when the fleet last started a refresh of the source;</li>
 *   <li>{@code ticker:not-before:<id>}: a wait the upstream asked for, expiring by itself;</li>
 *   <li>{@code ticker:alerts}: the open incidents and the alert outbox, the same JSON document as the
 *       file store's {@code alerts.json};</li>
 *   <li>{@code ticker:history:<id>}: a source's history of counts (the history file's document);</li>
 *   <li>{@code ticker:token:<provider>}: a rotated access token (the token file's document);</li>
 *   <li>{@code ticker:alerts-leader}: which instance judges and sends the alerts now, with an expiry
 *       its holder renews ({@link RedisState#holdLease});</li>
 *   <li>{@code ticker:members}: the fleet's roster, each instance with when it last said it is alive,
 *       expiring when none has for a while ({@link FleetMembers});</li>
 *   <li>channel {@code ticker:changes}: "{@code <instance> stored|deleted <id> [<took ms>]}" after every
 *       write.</li>
 * </ul>
 */
record RedisKeys(String prefix) {

    /** A document of the state repository ({@link RedisState}). */
    String document(StateKey key) {
        return switch (key.kind()) {
            case SNAPSHOT -> state(key.id());
            case INCIDENTS -> prefix + key.id();
            case TOKEN -> prefix + "token:" + key.id();
            case HISTORY -> prefix + "history:" + key.id();
            case REFRESH_ATTEMPT -> prefix + "attempt:" + key.id();
            case NOT_BEFORE -> prefix + "not-before:" + key.id();
            case SIGN_IN -> prefix + "sign-in:" + key.id();
            case ROSTER -> prefix + key.id();
        };
    }

    /** A lease of the state repository, e.g. {@code alerts-leader}. */
    String lease(String name) {
        return prefix + name;
    }

    String state(String sourceId) {
        return prefix + "state:" + sourceId;
    }

    /** The name of a source's refresh lease, which {@link #lease} makes a key. */
    static String refreshLease(String sourceId) {
        return "lease:" + sourceId;
    }

    String changes() {
        return prefix + "changes";
    }
}
