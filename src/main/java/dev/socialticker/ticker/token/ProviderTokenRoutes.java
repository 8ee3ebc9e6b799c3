package dev.socialticker.ticker.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import dev.socialticker.ticker.domain.ProviderNames;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.DataFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two routes that keep one provider's token, as its file's {@code token} parameter declares
 * ({@link TokenPolicy}): an hourly timer that asks whether the token is due, and the call to the
 * upstream's token endpoint. The token and the client secret travel in headers and the body, never
 * in an endpoint URI; no log line carries them.
 */
final class ProviderTokenRoutes extends RouteBuilder {
    /** Renewed once this close to expiry: 30 of a 60-day token's days, so a failing renewal has weeks to be fixed. */
    static final Duration RENEW_WHEN_LEFT = Duration.ofDays(30);
    /**
     * With no known expiry a refreshable token's age is unknown, and Instagram refuses to refresh a
     * token younger than 24 hours: the first try waits that long after start-up.
     */
    static final Duration FIRST_TRY_WITHOUT_EXPIRY = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(ProviderTokenRoutes.class);

    private final String provider;
    /** "Instagram": how log lines and alerts name the provider. */
    private final String title;

    private final TokenPolicy policy;
    private final URI override;
    private final Function<String, String> setting;
    private final TokenStatus status;
    /** The service's JSON data format, reading a {@link TokenAnswer}. */
    private final DataFormat answers;

    private final Clock clock;
    private final Instant started;
    /** The token endpoint's status when the last try failed; 0 when it could not be reached. */
    private volatile int lastFailedStatus;

    /**
     * @param override {@code ticker.providers.<name>.token-refresh-url}: replaces the declared URL's
     *                 scheme, host and port (tests point it at a stub); null for the declared one
     * @param setting  reads a setting under {@code ticker.providers.<name>} (null when unset)
     * @param answers  the service's JSON data format reading a {@link TokenAnswer}
     */
    ProviderTokenRoutes(
            String provider,
            TokenPolicy policy,
            URI override,
            Function<String, String> setting,
            TokenStatus status,
            DataFormat answers,
            Clock clock) {
        this.provider = provider;
        this.title = ProviderNames.of(provider);
        this.policy = policy;
        this.override = override;
        this.setting = setting;
        this.status = status;
        this.answers = answers;
        this.clock = clock;
        this.started = clock.instant();
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        from(TokenEndpoints.timer(provider))
                .routeId(TokenEndpoints.timerRouteId(provider))
                .filter(exchange -> due())
                    .to(TokenEndpoints.refresh(provider))
                .end();

        from(TokenEndpoints.refresh(provider))
                .routeId(TokenEndpoints.refreshRouteId(provider))
                .process(this::request)
                .doTry()
                    .to(endpoint())
                    .choice()
                        .when(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(200))
                            // The answer read by the service's JSON data format (no body: no fields).
                            .unmarshal(answers, true)
                            .process(this::answer)
                        .otherwise()
                            .process(exchange -> refused(exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class)))
                    .end()
                .endDoTry()
                .doCatch(JacksonException.class)
                    .process(exchange -> failed(200, "the new token could not be read or kept ("
                            + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName()
                            + ")"))
                .doCatch(Exception.class)
                    // A refused connection or a timeout: said without the exception's text (it names the URL only,
                    // but an upstream's message is not ours to log).
                    .process(exchange -> failed(0, "the token endpoint could not be reached ("
                            + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName()
                            + ")"))
                .end();
    }
    // spotless:on

    /** Logged once at start-up: what keeps this provider's token, and where. */
    String description() {
        return policy.obtained()
                ? "The " + title + " token is obtained with the client credentials " + policy.clientId() + " and "
                        + policy.clientSecret() + ", renewed when it has " + RENEW_WHEN_LEFT.toDays()
                        + " days or less left or is refused, and kept in " + status.keptIn(provider)
                : "The " + title + " token is refreshed when it has " + RENEW_WHEN_LEFT.toDays()
                        + " days or less left, and kept in " + status.keptIn(provider);
    }

    /** The token endpoint without its query, the host replaced by the override when one is set. */
    private String endpoint() {
        URI declared = policy.url();
        String origin = override != null && !override.toString().isBlank()
                ? override.toString().replaceAll("/+$", "")
                : declared.getScheme() + "://" + declared.getRawAuthority();
        String path = declared.getRawPath() == null ? "" : declared.getRawPath();
        return origin + path + "?throwExceptionOnFailure=false"
                + "&httpClient.connectTimeout=5000&httpClient.responseTimeout=10000";
    }

    int lastFailedStatus() {
        return lastFailedStatus;
    }

    boolean due() {
        Instant now = clock.instant();
        Instant expiresAt = status.expiresAt(provider);
        if (policy.obtained()
                && (expiresAt == null || status.rotatedToken(provider).isEmpty())) {
            return true;
        }
        if (expiresAt == null) {
            return !now.isBefore(started.plus(FIRST_TRY_WITHOUT_EXPIRY));
        }
        return !now.isBefore(expiresAt.minus(RENEW_WHEN_LEFT));
    }

    private void request(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        String query = policy.url().getRawQuery() == null ? "" : policy.url().getRawQuery();
        if (policy.obtained()) {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            exchange.getIn()
                    .setBody("client_id=" + encode(setting.apply(policy.clientId())) + "&client_secret="
                            + encode(setting.apply(policy.clientSecret())) + "&grant_type=client_credentials");
        } else {
            String token = status.rotatedToken(provider).orElse(setting.apply(TokenStatus.CREDENTIAL));
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            query = query + (query.isEmpty() ? "" : "&") + "access_token=" + encode(token);
        }
        if (!query.isEmpty()) {
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, query);
        }
    }

    /**
     * The fields of a token endpoint's answer (OAuth 2.0, RFC 6749 section 5.1, as Instagram, Threads and
     * Twitch give it): the token and its lifetime in seconds. Anything else in it is not read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn) {}

    private void refused(int code) {
        failed(code, title + " answered HTTP " + code);
    }

    private void answer(Exchange exchange) {
        TokenAnswer answer = exchange.getIn().getBody(TokenAnswer.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        int code = 200;
        String token = answer == null || answer.accessToken() == null ? "" : answer.accessToken();
        long expiresIn = answer == null ? 0 : answer.expiresIn();
        if (token.isBlank() || expiresIn <= 0) {
            failed(code, title + "'s answer had no access_token or expires_in");
            return;
        }
        try {
            Instant expiresAt = clock.instant().plusSeconds(expiresIn);
            status.refreshed(provider, token, expiresAt);
            log.info(
                    "The {} token was {}; the new one expires at {} and is kept in {}",
                    title,
                    policy.obtained() ? "obtained" : "refreshed",
                    expiresAt,
                    status.keptIn(provider));
        } catch (IOException unkept) {
            failed(
                    code,
                    "the new token could not be read or kept ("
                            + unkept.getClass().getSimpleName() + ")");
        }
    }

    private void failed(int code, String problem) {
        String verb = policy.obtained() ? "obtaining" : "refreshing";
        lastFailedStatus = code;
        status.refreshFailed(provider, verb + " the token failed: " + problem);
        log.warn(
                "The {} token could not be {}: {}; the current token is kept and the next try is in"
                        + " an hour{} (alert rule token-expiry)",
                title,
                policy.obtained() ? "obtained" : "refreshed",
                problem,
                policy.obtained() ? " or at the next refresh that needs it" : "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value.trim(), StandardCharsets.UTF_8);
    }
}
