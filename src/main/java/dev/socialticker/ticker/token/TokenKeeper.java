package dev.socialticker.ticker.token;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the tokens provider files declare ({@link TokenPolicy}): when a file is loaded it installs
 * that provider's {@link ProviderTokenRoutes} (replacing those of a previous version of the file),
 * and the provider's requests ask it for the token an app obtained. On for a provider some source
 * uses: {@code refresh} also needs {@code ticker.providers.<name>.token-file} (as Instagram's
 * refresh always did); {@code client-credentials} always, since it has no token otherwise.
 */
@Component
public class TokenKeeper {
    private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);

    private final TokenStatus status;
    private final SourceCatalog sources;
    private final ProviderProperties providers;
    private final JsonDocuments json;
    private final Clock clock;
    /** The providers' names for people, in the token's log lines and alerts. */
    private final ProviderDisplays displays;

    private final Map<String, ProviderTokenRoutes> kept = new ConcurrentHashMap<>();
    /** Counts each provider's obtained tokens: a request that saw 401 renews only the token it used. */
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    TokenKeeper(
            TokenStatus status,
            SourceCatalog sources,
            ProviderProperties providers,
            ProviderDisplays displays,
            JsonDocuments json,
            Clock clock) {
        this.status = status;
        this.displays = displays;
        this.sources = sources;
        this.providers = providers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Installs (or removes) the routes keeping a provider's token, as its file now declares.
     *
     * @param setting reads a setting under {@code ticker.providers.<name>} by name, null when unset
     * @param headers what every call to the token endpoint carries besides its own (the file's User-Agent)
     */
    public synchronized void keep(
            CamelContext context,
            String provider,
            TokenPolicy policy,
            Function<String, String> setting,
            Map<String, String> headers)
            throws Exception {
        forget(context, provider);
        boolean used =
                sources.all().stream().anyMatch(source -> source.provider().equals(provider));
        if (!used
                || !policy.kept()
                || (policy.kind() == TokenPolicy.Kind.REFRESH
                        && status.tokenFile(provider).isEmpty())) {
            return;
        }
        status.keeps(provider);
        ProviderTokenRoutes routes = new ProviderTokenRoutes(
                provider,
                displays.of(provider).name(),
                policy,
                providers.of(provider).tokenRefreshUrl(),
                setting,
                headers,
                status,
                json.reading(ProviderTokenRoutes.TokenAnswer.class),
                clock);
        context.addRoutes(routes);
        kept.put(provider, routes);
        log.info(routes.description());
    }

    /** Removes the provider's token routes, if any (its file is gone or declares no kept token now). */
    public synchronized void forget(CamelContext context, String provider) throws Exception {
        if (kept.remove(provider) == null) {
            return;
        }
        for (String id : TokenEndpoints.routeIds(provider)) {
            if (context.getRoute(id) != null) {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            }
        }
    }

    /** Which of the provider's tokens is current; see {@link #renewRejected}. */
    public long generation(String provider) {
        return generations.computeIfAbsent(provider, name -> new AtomicLong()).get();
    }

    /**
     * The token obtained for the provider, obtained now when there is none or it has expired (the
     * first call after start-up waits for it).
     *
     * @throws ProviderFailure when it cannot be obtained: {@code AUTH_FAILED} when the token endpoint
     *     refused the client credentials, else {@code UPSTREAM_UNAVAILABLE}
     */
    public String obtainedToken(String provider, CamelContext context) {
        ProviderTokenRoutes routes = kept.get(provider);
        if (routes == null) {
            return null;
        }
        if (!routes.connected()) {
            throw new ProviderFailure(
                    FailureCode.AUTH_FAILED,
                    "The " + provider + " account is not connected: sign in with --authorize " + provider
                            + " (or the admin sign-in, /api/admin/authorize/" + provider + ")",
                    0,
                    false,
                    null);
        }
        String token = usable(provider);
        if (token != null) {
            return token;
        }
        if (!routes.renewable()) {
            // A provider that gave no refresh token (LinkedIn, but to its partners): a person signs in again.
            throw new ProviderFailure(
                    FailureCode.AUTH_FAILED,
                    "The " + provider + " sign-in has expired and " + provider + " gave no refresh token: sign in"
                            + " again with --authorize " + provider,
                    0,
                    false,
                    null);
        }
        synchronized (routes) {
            token = usable(provider);
            if (token == null) {
                obtain(provider, routes, context);
                token = usable(provider);
            }
        }
        if (token == null) {
            int code = routes.lastFailedStatus();
            boolean refused = code >= 400 && code < 500;
            throw new ProviderFailure(
                    refused ? FailureCode.AUTH_FAILED : FailureCode.UPSTREAM_UNAVAILABLE,
                    !refused
                            ? "The token endpoint could not be reached" + (code == 0 ? "" : " (HTTP " + code + ")")
                            : routes.signedIn()
                                    ? "The " + provider + " sign-in is no longer accepted by the token endpoint (HTTP "
                                            + code + "): sign in again with --authorize " + provider
                                    : "The client credentials were refused by the token endpoint (HTTP " + code + ")",
                    code,
                    false,
                    null);
        }
        return token;
    }

    /**
     * The upstream refused (401) the token of {@code generation}: obtain a new one, unless another
     * request did meanwhile.
     *
     * @return true when a token newer than the refused one is there to try once more
     */
    public boolean renewRejected(String provider, long generation, CamelContext context) {
        ProviderTokenRoutes routes = kept.get(provider);
        if (routes == null) {
            return false;
        }
        synchronized (routes) {
            if (generation(provider) == generation) {
                obtain(provider, routes, context);
            }
            return generation(provider) != generation
                    && status.rotatedToken(provider).isPresent();
        }
    }

    private void obtain(String provider, ProviderTokenRoutes routes, CamelContext context) {
        Instant before = status.expiresAt(provider);
        String token = status.rotatedToken(provider).orElse(null);
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            producer.sendBodyAndHeader(
                    TokenEndpoints.refresh(provider), null, TokenEndpoints.REPLACES, token == null ? "" : token);
        } catch (IOException closing) {
            // closing a producer template does not fail in practice; nothing to undo
        }
        String now = status.rotatedToken(provider).orElse(null);
        if (now != null && (!now.equals(token) || !Objects.equals(before, status.expiresAt(provider)))) {
            generations.computeIfAbsent(provider, name -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Starts a person's sign-in at the provider (its file's {@code token} declares {@code kind: oauth2}
     * and an {@code authorizeUrl}).
     *
     * @param redirectUri where the provider sends the browser back
     * @throws IllegalArgumentException naming why the provider has no sign-in here
     */
    public SignIn signIn(String provider, String redirectUri) {
        ProviderTokenRoutes routes = kept.get(provider);
        SignIn signIn = routes == null ? null : routes.signIn(redirectUri);
        if (signIn == null) {
            List<String> signable = signable();
            throw new IllegalArgumentException("the " + provider + " provider has no sign-in here: a source must use"
                    + " it (ticker.sources[0].provider=" + provider + ") and its file's token must declare kind:"
                    + " oauth2 with an authorizeUrl (providers with a sign-in here: "
                    + (signable.isEmpty() ? "none" : String.join(", ", signable)) + ")");
        }
        return signIn;
    }

    /** The providers a person can sign in to here, by name. */
    public List<String> signable() {
        return kept.entrySet().stream()
                .filter(entry -> entry.getValue().signable())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Completes a person's sign-in with the address the provider sent the browser back to: checks it
     * belongs to {@code signIn}, exchanges the code for the provider's tokens and keeps them where
     * the service reads them (the state repository).
     *
     * @return connected, with what was granted, or why not (no secret in it)
     */
    public Connection complete(SignIn signIn, String returned, CamelContext context) {
        SignIn.Answer answer = signIn.answer(returned);
        if (answer instanceof SignIn.Refused refused) {
            return Connection.refused(refused.reason());
        }
        SignIn.Code code = (SignIn.Code) answer;
        Map<String, Object> headers = new HashMap<>();
        headers.put(TokenEndpoints.CODE, code.code());
        headers.put(TokenEndpoints.REDIRECT_URI, signIn.redirectUri());
        if (signIn.verifier() != null) {
            headers.put(TokenEndpoints.CODE_VERIFIER, signIn.verifier());
        }
        String provider = signIn.provider();
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            Exchange done = producer.send(
                    TokenEndpoints.code(provider), exchange -> exchange.getIn().setHeaders(headers));
            String problem = done.getProperty(TokenEndpoints.PROBLEM, String.class);
            if (problem != null) {
                return Connection.refused(problem);
            }
        } catch (IOException closing) {
            // closing a producer template does not fail in practice
        }
        generations.computeIfAbsent(provider, name -> new AtomicLong()).incrementAndGet();
        return new Connection(
                null,
                status.scope(provider),
                status.expiresAt(provider),
                status.refreshExpiresAt(provider),
                status.keptIn(provider));
    }

    private String usable(String provider) {
        String token = status.rotatedToken(provider).orElse(null);
        Instant expiresAt = status.expiresAt(provider);
        return token != null && (expiresAt == null || clock.instant().isBefore(expiresAt)) ? token : null;
    }
}
