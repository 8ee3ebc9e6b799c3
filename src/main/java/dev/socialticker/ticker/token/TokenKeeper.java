package dev.socialticker.ticker.token;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.camel.CamelContext;
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
    private final Map<String, ProviderTokenRoutes> kept = new ConcurrentHashMap<>();
    /** Counts each provider's obtained tokens: a request that saw 401 renews only the token it used. */
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    TokenKeeper(
            TokenStatus status, SourceCatalog sources, ProviderProperties providers, JsonDocuments json, Clock clock) {
        this.status = status;
        this.sources = sources;
        this.providers = providers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Installs (or removes) the routes keeping a provider's token, as its file now declares.
     *
     * @param setting reads a setting under {@code ticker.providers.<name>} by name, null when unset
     */
    public synchronized void keep(
            CamelContext context, String provider, TokenPolicy policy, Function<String, String> setting)
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
                policy,
                providers.of(provider).tokenRefreshUrl(),
                setting,
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
        for (String id :
                new String[] {TokenEndpoints.timerRouteId(provider), TokenEndpoints.refreshRouteId(provider)}) {
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
        String token = usable(provider);
        if (token != null) {
            return token;
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
            throw new ProviderFailure(
                    code >= 400 && code < 500 ? FailureCode.AUTH_FAILED : FailureCode.UPSTREAM_UNAVAILABLE,
                    code >= 400 && code < 500
                            ? "The client credentials were refused by the token endpoint (HTTP " + code + ")"
                            : "The token endpoint could not be reached" + (code == 0 ? "" : " (HTTP " + code + ")"),
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
            producer.sendBody(TokenEndpoints.refresh(provider), null);
        } catch (java.io.IOException closing) {
            // closing a producer template does not fail in practice; nothing to undo
        }
        String now = status.rotatedToken(provider).orElse(null);
        if (now != null && (!now.equals(token) || !java.util.Objects.equals(before, status.expiresAt(provider)))) {
            generations.computeIfAbsent(provider, name -> new AtomicLong()).incrementAndGet();
        }
    }

    private String usable(String provider) {
        String token = status.rotatedToken(provider).orElse(null);
        Instant expiresAt = status.expiresAt(provider);
        return token != null && (expiresAt == null || clock.instant().isBefore(expiresAt)) ? token : null;
    }
}
