package dev.socialticker.ticker.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps an Instagram-Login long-lived token alive (it lives 60 days): once it has 30 days or less
 * left, it is exchanged for a new one with
 * {@code GET https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token}; the new
 * token is kept in {@code ticker.providers.instagram.token-file} (owner-only; in the shared mode in
 * Redis, for every instance) and used from then on. On only when that file is configured. A failure is logged and raised by the {@code token-expiry}
 * alert rule; the next try is an hour later. Facebook-Login tokens cannot be refreshed this way
 * (docs/alerts.md, "Rotating a token").
 */
@Component
class InstagramTokenRefreshRoutes extends RouteBuilder {
    static final String PROVIDER = "instagram";
    /** Refreshed once this close to expiry: 30 of its 60 days, so a failing refresh has weeks to be fixed. */
    static final Duration REFRESH_WHEN_LEFT = Duration.ofDays(30);
    /**
     * With no known expiry the token's age is unknown, and Instagram refuses to refresh a token younger
     * than 24 hours: the first try waits that long after start-up.
     */
    static final Duration FIRST_TRY_WITHOUT_EXPIRY = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(InstagramTokenRefreshRoutes.class);

    private final TokenStatus status;
    private final SourceCatalog catalog;
    private final ProviderProperties.Provider settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Instant started;

    InstagramTokenRefreshRoutes(
            TokenStatus status, SourceCatalog catalog, ProviderProperties providers, ObjectMapper json, Clock clock) {
        this.status = status;
        this.catalog = catalog;
        this.settings = providers.of(PROVIDER);
        this.json = json;
        this.clock = clock;
        this.started = clock.instant();
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        boolean used = catalog.all().stream().anyMatch(source -> source.provider().equals(PROVIDER));
        if (!used || status.tokenFile(PROVIDER).isEmpty()) {
            return;
        }
        String base = (settings.tokenRefreshUrl() != null ? settings.tokenRefreshUrl().toString()
                : "https://graph.instagram.com").replaceAll("/+$", "");
        log.info("The Instagram token is refreshed when it has {} days or less left, and kept in {}",
                REFRESH_WHEN_LEFT.toDays(), status.keptIn(PROVIDER));

        from(TokenEndpoints.INSTAGRAM_TOKEN_TIMER)
                .routeId("instagram-token-refresh-timer")
                .filter(exchange -> due())
                    .to(TokenEndpoints.INSTAGRAM_TOKEN_REFRESH)
                .end();

        from(TokenEndpoints.INSTAGRAM_TOKEN_REFRESH)
                .routeId("instagram-token-refresh")
                .process(this::request)
                // The token travels in the query header, never in an endpoint URI that could be logged.
                .to(base + "/refresh_access_token?throwExceptionOnFailure=false"
                        + "&httpClient.connectTimeout=5000&httpClient.responseTimeout=10000")
                .process(this::answer);
    }
    // spotless:on

    private boolean due() {
        Instant now = clock.instant();
        Instant expiresAt = status.expiresAt(PROVIDER);
        if (expiresAt == null) {
            return !now.isBefore(started.plus(FIRST_TRY_WITHOUT_EXPIRY));
        }
        return !now.isBefore(expiresAt.minus(REFRESH_WHEN_LEFT));
    }

    private void request(Exchange exchange) {
        String token = status.rotatedToken(PROVIDER).orElse(settings.accessToken());
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getIn()
                .setHeader(
                        Exchange.HTTP_QUERY,
                        "grant_type=ig_refresh_token&access_token="
                                + URLEncoder.encode(token == null ? "" : token.trim(), StandardCharsets.UTF_8));
    }

    private void answer(Exchange exchange) {
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getIn().getBody(String.class);
        exchange.getIn().removeHeaders("*");
        if (status != 200) {
            failed("Instagram answered HTTP " + status);
            return;
        }
        try {
            JsonNode answer = json.readTree(body == null ? "" : body);
            String token = answer.path("access_token").asText("");
            long expiresIn = answer.path("expires_in").asLong(0);
            if (token.isBlank() || expiresIn <= 0) {
                failed("Instagram's answer had no access_token or expires_in");
                return;
            }
            Instant expiresAt = clock.instant().plusSeconds(expiresIn);
            this.status.refreshed(PROVIDER, token, expiresAt);
            log.info(
                    "The Instagram token was refreshed; the new one expires at {} and is kept in {}",
                    expiresAt,
                    this.status.keptIn(PROVIDER));
        } catch (IOException unreadable) {
            failed("the new token could not be read or kept ("
                    + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private void failed(String problem) {
        status.refreshFailed(PROVIDER, "refreshing the token failed: " + problem);
        log.warn(
                "The Instagram token could not be refreshed: {}; the current token is kept and the next try is in"
                        + " an hour (alert rule token-expiry)",
                problem);
    }
}
