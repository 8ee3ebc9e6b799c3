package dev.socialticker.ticker.token;

import java.time.Instant;

/**
 * What a person's sign-in came to ({@link TokenKeeper#complete}): connected, with what the provider
 * granted and where the tokens are kept, or why not. Never a token.
 *
 * @param problem          why the account is not connected; null when it is
 * @param scope            the scopes granted, as the provider wrote them; null when not said
 * @param expiresAt        when the access token expires (the service renews it)
 * @param refreshExpiresAt when the refresh token expires (a person signs in again before); null when not said
 * @param keptIn           where the tokens are kept: a file, or the fleet's Redis key
 */
public record Connection(String problem, String scope, Instant expiresAt, Instant refreshExpiresAt, String keptIn) {

    static Connection refused(String problem) {
        return new Connection(problem, null, null, null, null);
    }

    public boolean connected() {
        return problem == null;
    }
}
