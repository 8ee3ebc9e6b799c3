package dev.socialticker.ticker.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.domain.TokenChanged;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What the service knows of each provider's access token: when it expires
 * ({@code ticker.providers.<name>.token-expires-at}, or learnt from a token refresh), the token a
 * refresh obtained (kept in the {@link StateRepository}: the provider's {@code token-file}, readable by
 * the service's user only, or in the shared mode Redis, so every instance uses it; used instead of the
 * configured one from then on), and why the last refresh failed. How a token is refreshed or obtained
 * is declared by the provider's file ({@link TokenPolicy}, kept by {@link TokenKeeper}); a refreshed
 * token needs the provider's {@code token-file}. The alert rule {@code token-expiry} reads it; the token is never
 * logged.
 */
@Component
public class TokenStatus {
    /** The setting a rotated token replaces. */
    public static final String CREDENTIAL = "access-token";
    /** In the shared mode, how soon a token another instance rotated is used here too. */
    static final Duration SHARED_READ_EVERY = Duration.ofMinutes(1);
    /** How long one instance may take to renew a token before another may try; the call's timeouts are 15 s. */
    static final Duration TURN = Duration.ofSeconds(30);

    private static final String TURN_LEASE = "token-refresh:";

    private static final Logger log = LoggerFactory.getLogger(TokenStatus.class);

    /**
     * The token document's content (the token file's, as before); an OAuth 2.0 token keeps its refresh
     * token too, and when that expires (null: not said, or no refresh token).
     */
    record Stored(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt, String scope) {
        Stored(String accessToken, Instant expiresAt) {
            this(accessToken, expiresAt, null, null, null);
        }
    }

    private record Known(
            String token,
            Instant expiresAt,
            String refreshProblem,
            String refreshToken,
            Instant refreshExpiresAt,
            String scope) {
        Known(String token, Instant expiresAt, String refreshProblem) {
            this(token, expiresAt, refreshProblem, null, null, null);
        }

        static Known of(Stored stored, String refreshProblem) {
            return new Known(
                    stored.accessToken(),
                    stored.expiresAt(),
                    refreshProblem,
                    stored.refreshToken(),
                    stored.refreshExpiresAt(),
                    stored.scope());
        }
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Path> files;
    private final Map<String, Instant> readAt = new ConcurrentHashMap<>();
    /** Providers whose token the service obtains without a token file (client credentials): kept in the state repository. */
    private final Set<String> keptWithoutFile = ConcurrentHashMap.newKeySet();

    /** This instance, as the holder of a provider's refresh turn ({@link #takeRefreshTurn}). */
    private final String me = UUID.randomUUID().toString();

    private final ObjectMapper json;
    private final StateRepository state;
    private final Clock clock;
    private final TickerEvents events;
    /** What was last published of each provider's token, so a change is published once. */
    private final Map<String, TokenChanged> told = new ConcurrentHashMap<>();

    /** One instance alone: a rotated token is kept in its token file. */
    public TokenStatus(SourceCatalog catalog, ProviderProperties providers, ObjectMapper json) {
        this(catalog, providers, json, StateRepository.memory(TokenFiles.of(catalog, providers)), Clock.systemUTC());
    }

    /** Without the hub (tests, the provider trial): what changes is published nowhere. */
    public TokenStatus(
            SourceCatalog catalog,
            ProviderProperties providers,
            ObjectMapper json,
            StateRepository state,
            Clock clock) {
        this(catalog, providers, json, state, clock, new TickerEvents(event -> {}, new SimpleMeterRegistry()));
    }

    @Autowired
    public TokenStatus(
            SourceCatalog catalog,
            ProviderProperties providers,
            ObjectMapper json,
            StateRepository state,
            Clock clock,
            TickerEvents events) {
        this.events = events;
        this.json = json;
        this.state = state;
        this.clock = clock;
        this.files = TokenFiles.of(catalog, providers);
        for (String provider :
                catalog.all().stream().map(TickerSource::provider).distinct().toList()) {
            Instant configured = providers.of(provider).tokenExpiresAt();
            Stored stored = files.containsKey(provider) ? read(provider) : null;
            if (stored != null) {
                register(stored);
                known.put(provider, Known.of(stored, null));
            } else if (configured != null) {
                known.put(provider, new Known(null, configured, null));
            }
        }
    }

    /** The token a refresh obtained for the provider, which replaces the configured one. */
    public Optional<String> rotatedToken(String provider) {
        Known token = current(provider);
        return token == null ? Optional.empty() : Optional.ofNullable(token.token());
    }

    /**
     * Publishes what is known of every provider's token that changed since it was last published
     * (route {@code token-status}, at start-up and then every {@link #SHARED_READ_EVERY}): at the
     * first run, everything known; in the shared mode, a token another instance rotated, read again
     * here rather than when someone happens to ask.
     */
    void publishChanges() {
        Set<String> providers = new TreeSet<>(known.keySet());
        providers.addAll(files.keySet());
        providers.addAll(keptWithoutFile);
        providers.forEach(provider -> {
            current(provider);
            tell(provider);
        });
    }

    /** Publishes the provider's token status if it differs from what was published last. */
    private void tell(String provider) {
        Known token = known.get(provider);
        if (token == null) {
            return;
        }
        // With a refresh token the access token renews itself: what a person must renew is the sign-in.
        Instant expiry = token.refreshToken() != null ? token.refreshExpiresAt() : token.expiresAt();
        TokenChanged now = new TokenChanged(provider, expiry, token.refreshProblem());
        if (!now.equals(told.put(provider, now))) {
            events.publish(now);
        }
    }

    /** When the provider's token expires; null when not known. */
    public Instant expiresAt(String provider) {
        Known token = current(provider);
        return token == null ? null : token.expiresAt();
    }

    /** Why the provider's last token refresh failed; null when it did not (or none was tried). */
    public String refreshProblem(String provider) {
        Known token = known.get(provider);
        return token == null ? null : token.refreshProblem();
    }

    /** The provider's token-file setting; empty when token refresh is not set up. */
    public Optional<Path> tokenFile(String provider) {
        return Optional.ofNullable(files.get(provider));
    }

    /** Where the provider's refreshed token is kept, for log lines: its file, or the fleet's Redis key. */
    public String keptIn(String provider) {
        return state.where(StateKey.token(provider));
    }

    /**
     * The service keeps this provider's token (its file declares how, {@link TokenPolicy}); one
     * without a token file is read from the state repository now (Redis in the shared mode: a token
     * another instance obtained) and, in the shared mode, again as a token-file one is.
     */
    void keeps(String provider) {
        if (files.containsKey(provider) || !keptWithoutFile.add(provider)) {
            return;
        }
        Stored stored = readShared(provider);
        if (stored != null) {
            register(stored);
            readAt.put(provider, clock.instant());
            known.put(provider, Known.of(stored, null));
            log.info(
                    "Using the {} token kept earlier, from {} (expires at {}{})",
                    provider,
                    keptIn(provider),
                    stored.expiresAt(),
                    stored.refreshToken() == null ? "" : ", with its refresh token");
            // Published by the next run of publishChanges: this may run before the routes do.
        }
    }

    /** A refresh obtained a new token: kept in the state repository and used from now on. */
    void refreshed(String provider, String token, Instant expiresAt) throws IOException {
        refreshed(provider, new Stored(token, expiresAt));
    }

    /**
     * A refresh obtained a new token, and with OAuth 2.0 perhaps a new refresh token: both are written
     * before either is used, so a rotated refresh token (the old one no longer works) is never lost to
     * a stop between the two.
     */
    void refreshed(String provider, Stored stored) throws IOException {
        // Masked in every log line from now on, whatever carries them.
        register(stored);
        state.write(StateKey.token(provider), json.writeValueAsBytes(stored));
        known.put(provider, Known.of(stored, null));
        tell(provider);
    }

    /** The refresh token kept for the provider (OAuth 2.0), if any. */
    public Optional<String> refreshToken(String provider) {
        Known token = current(provider);
        return token == null ? Optional.empty() : Optional.ofNullable(token.refreshToken());
    }

    /** The scopes the provider granted at the last sign-in or renewal, as it wrote them; null when not said. */
    public String scope(String provider) {
        Known token = current(provider);
        return token == null ? null : token.scope();
    }

    /** When the provider's refresh token expires; null when not known. */
    public Instant refreshExpiresAt(String provider) {
        Known token = current(provider);
        return token == null ? null : token.refreshExpiresAt();
    }

    private static void register(Stored stored) {
        SecretMasking.register(stored.accessToken());
        SecretMasking.register(stored.refreshToken());
    }

    void refreshFailed(String provider, String problem) {
        known.compute(
                provider,
                (name, current) -> current == null
                        ? new Known(null, null, problem)
                        : new Known(
                                current.token(),
                                current.expiresAt(),
                                problem,
                                current.refreshToken(),
                                current.refreshExpiresAt(),
                                current.scope()));
        tell(provider);
    }

    /**
     * This instance renews the provider's token, alone in the fleet, for at most {@link #TURN}: a
     * lease in the shared mode, always granted alone.
     */
    boolean takeRefreshTurn(String provider) {
        try {
            return state.holdLease(TURN_LEASE + provider, me, TURN);
        } catch (IOException unreachable) {
            return false; // Redis says why (once); the token kept is used until the next try
        }
    }

    void endRefreshTurn(String provider) {
        try {
            state.releaseLease(TURN_LEASE + provider, me);
        } catch (IOException unreachable) {
            // it expires by itself
        }
    }

    /** Reads the provider's kept token again now, as another instance (or a sign-in) may have written it. */
    void reread(String provider) {
        readAt.remove(provider);
        current(provider);
    }

    /**
     * Another instance (or a sign-in by the authorize command) may have written the token: read again
     * at most every minute.
     */
    private Known current(String provider) {
        if (files.containsKey(provider) || keptWithoutFile.contains(provider)) {
            Instant now = clock.instant();
            Instant last = readAt.get(provider);
            if (last == null || !now.isBefore(last.plus(SHARED_READ_EVERY))) {
                readAt.put(provider, now);
                Stored stored = readShared(provider);
                if (stored != null) {
                    register(stored);
                    known.compute(
                            provider,
                            (name, was) -> Known.of(
                                    stored,
                                    was == null || !stored.accessToken().equals(was.token())
                                            ? null
                                            : was.refreshProblem()));
                }
            }
        }
        return known.get(provider);
    }

    private Stored readShared(String provider) {
        try {
            return decode(state.read(StateKey.token(provider)).orElse(null));
        } catch (IOException unusable) {
            return null; // Redis says why (once); the token known here stays in use
        }
    }

    /** At start-up: a token file that is not one refuses the start, as a wrong setting does. */
    private Stored read(String provider) {
        String where = keptIn(provider);
        try {
            Stored stored = decode(state.read(StateKey.token(provider)).orElse(null));
            if (stored != null) {
                readAt.put(provider, clock.instant());
                log.info(
                        "Using the {} token refreshed earlier, from {} (expires at {})",
                        provider,
                        where,
                        stored.expiresAt());
            }
            return stored;
        } catch (IOException unreadable) {
            if (state.shared() && !(unreadable instanceof TokenDocumentException)) {
                log.warn(
                        "The {} token refreshed earlier cannot be read from {} now: the configured one is used until"
                                + " it can",
                        provider,
                        where);
                return null;
            }
            throw new TickerConfigurationException(
                    "ticker.providers." + provider + ".token-file",
                    where + " is not a token file written by this service ("
                            + (unreadable instanceof TokenDocumentException
                                    ? unreadable.getMessage()
                                    : unreadable.getClass().getSimpleName())
                            + "); move it away to start from the configured token");
        }
    }

    private Stored decode(byte[] document) throws IOException {
        if (document == null) {
            return null;
        }
        Stored stored;
        try {
            stored = json.readValue(document, Stored.class);
        } catch (IOException unreadable) {
            throw new TokenDocumentException(unreadable.getClass().getSimpleName());
        }
        if (stored.accessToken() == null || stored.accessToken().isBlank()) {
            throw new TokenDocumentException("IOException"); // no accessToken
        }
        return stored;
    }

    /**
     * The document is there but is not a token document (as opposed to: it cannot be reached); its
     * message names what was wrong by the exception's class, never quoting the content.
     */
    private static final class TokenDocumentException extends IOException {
        TokenDocumentException(String exceptionName) {
            super(exceptionName);
        }
    }
}
