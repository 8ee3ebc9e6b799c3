package dev.socialticker.ticker.state;

import java.util.Objects;

/**
 * One document of the {@link StateRepository}: a kind and, for kinds with one document per source or
 * provider, its id. A new kind (history) is a new constant here and a place in each repository.
 */
public record StateKey(Kind kind, String id) {

    public enum Kind {
        /** A source's state (snapshot and failure): file {@code <dir>/<id>.json}, Redis {@code state:<id>}. */
        SNAPSHOT,
        /** The open incidents and the alert outbox: file {@code <dir>/alerts.json}, Redis {@code alerts}. */
        INCIDENTS,
        /**
         * A provider's rotated access token: its {@code token-file} (owner-only), Redis
         * {@code token:<provider>}. A secret: its content is never logged.
         */
        TOKEN,
        /** A source's history of counts: file {@code <dir>/history/<id>.json}, Redis {@code history:<id>}. */
        HISTORY,
        /**
         * When the fleet last started or ended a refresh of the source: Redis {@code attempt:<id>}, with
         * an expiry. Kept only in the shared mode, where it spaces the fleet's calls.
         */
        REFRESH_ATTEMPT,
        /**
         * Until when the upstream asked the fleet to wait before calling for the source again: Redis
         * {@code not-before:<id>}, expiring then. Kept only in the shared mode.
         */
        NOT_BEFORE,
        /**
         * A sign-in an admin started, by its OAuth 2.0 {@code state}: Redis {@code sign-in:<state>},
         * expiring with it, so the provider's answer may reach any instance of the fleet. Kept only in the
         * shared mode; alone, the instance keeps its sign-ins in memory. A secret (the PKCE verifier).
         */
        SIGN_IN,
        /**
         * The fleet's members, each with its start, host, what it delivers to and when it last said it
         * is alive: Redis {@code members}, expiring when none has said so for a while. Kept only in the
         * shared mode.
         */
        ROSTER
    }

    public StateKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static StateKey snapshot(String sourceId) {
        return new StateKey(Kind.SNAPSHOT, sourceId);
    }

    /** The fleet's (or the instance's) one incidents document. */
    public static StateKey incidents() {
        return new StateKey(Kind.INCIDENTS, "alerts");
    }

    /** The fleet's one roster. */
    public static StateKey roster() {
        return new StateKey(Kind.ROSTER, "members");
    }

    public static StateKey history(String sourceId) {
        return new StateKey(Kind.HISTORY, sourceId);
    }

    public static StateKey token(String provider) {
        return new StateKey(Kind.TOKEN, provider);
    }

    public static StateKey signIn(String state) {
        return new StateKey(Kind.SIGN_IN, state);
    }

    public static StateKey refreshAttempt(String sourceId) {
        return new StateKey(Kind.REFRESH_ATTEMPT, sourceId);
    }

    public static StateKey notBefore(String sourceId) {
        return new StateKey(Kind.NOT_BEFORE, sourceId);
    }
}
