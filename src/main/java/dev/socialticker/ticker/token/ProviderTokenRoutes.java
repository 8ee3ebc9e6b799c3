package dev.socialticker.ticker.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
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
    /**
     * An OAuth 2.0 access token lives hours (TikTok, X: two): renewed at the hourly check when it has
     * less than the check's period and a margin left, so it never expires between two checks; a request
     * that finds it expired or refused renews it too.
     */
    static final Duration RENEW_OAUTH2_WHEN_LEFT = Duration.ofMinutes(65);

    private static final Logger log = LoggerFactory.getLogger(ProviderTokenRoutes.class);

    private final String provider;
    /** "Instagram": how log lines and alerts name the provider. */
    private final String title;

    private final TokenPolicy policy;
    private final URI override;
    private final Function<String, String> setting;
    /** Sent with every call besides its own headers: the provider file's User-Agent, when it names one. */
    private final Map<String, String> headers;

    private final TokenStatus status;
    /** The service's JSON data format, reading a {@link TokenAnswer}. */
    private final DataFormat answers;

    private final Clock clock;
    private final Instant started;
    /** The token endpoint's status when the last try failed; 0 when it could not be reached. */
    private volatile int lastFailedStatus;

    /**
     * @param title    the provider's name for people ("TikTok"), in log lines and alerts
     * @param override {@code ticker.providers.<name>.token-refresh-url}: replaces the declared URL's
     *                 scheme, host and port (tests point it at a stub); null for the declared one
     * @param setting  reads a setting under {@code ticker.providers.<name>} (null when unset)
     * @param answers  the service's JSON data format reading a {@link TokenAnswer}
     */
    ProviderTokenRoutes(
            String provider,
            String title,
            TokenPolicy policy,
            URI override,
            Function<String, String> setting,
            Map<String, String> headers,
            TokenStatus status,
            DataFormat answers,
            Clock clock) {
        this.provider = provider;
        this.title = title;
        this.policy = policy;
        this.override = override;
        this.setting = setting;
        this.headers = Map.copyOf(headers);
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
                    .setHeader(TokenEndpoints.WHEN_DUE, constant(true))
                    .to(TokenEndpoints.refresh(provider))
                .end();

        // One instance of the fleet at a time renews, and only a token still wanted renewed: a rotated
        // refresh token used twice would be refused (RFC 6749 section 10.4), and the grant with it.
        from(TokenEndpoints.refresh(provider))
                .routeId(TokenEndpoints.refreshRouteId(provider))
                .filter(this::takeTurn)
                    .process(this::request)
                    .to(TokenEndpoints.call(provider))
                    .process(exchange -> status.endRefreshTurn(provider))
                .end();

        if (policy.kind() == TokenPolicy.Kind.OAUTH2) {
            // A person's sign-in: the authorization code exchanged for the first tokens (RFC 6749 section 4.1.3).
            from(TokenEndpoints.code(provider))
                    .routeId(TokenEndpoints.codeRouteId(provider))
                    .process(this::codeRequest)
                    .to(TokenEndpoints.call(provider));
        }

        from(TokenEndpoints.call(provider))
                .routeId(TokenEndpoints.callRouteId(provider))
                .doTry()
                    .to(endpoint())
                    .choice()
                        .when(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(200))
                            // The answer read by the service's JSON data format (no body: no fields).
                            .unmarshal(answers, true)
                            .process(this::answer)
                        .otherwise()
                            .process(this::refused)
                    .end()
                .endDoTry()
                .doCatch(JacksonException.class)
                    .process(exchange -> failed(exchange, 200, "the new token could not be read or kept ("
                            + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName()
                            + ")"))
                .doCatch(Exception.class)
                    // A refused connection or a timeout: said without the exception's text (it names the URL only,
                    // but an upstream's message is not ours to log).
                    .process(exchange -> failed(exchange, 0, "the token endpoint could not be reached ("
                            + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName()
                            + ")"))
                .end();
    }
    // spotless:on

    /** Logged once at start-up: what keeps this provider's token, and where. */
    String description() {
        if (policy.kind() == TokenPolicy.Kind.OAUTH2) {
            return "The " + title + " token is obtained with OAuth 2.0's refresh grant (client " + policy.clientId()
                    + "), renewed before it expires or when it is refused, and kept with its refresh token in "
                    + status.keptIn(provider);
        }
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
        if (policy.kind() == TokenPolicy.Kind.OAUTH2) {
            return renewable()
                    && (status.rotatedToken(provider).isEmpty()
                            || expiresAt == null
                            || !now.isBefore(expiresAt.minus(RENEW_OAUTH2_WHEN_LEFT)));
        }
        if (policy.obtained()
                && (expiresAt == null || status.rotatedToken(provider).isEmpty())) {
            return true;
        }
        if (expiresAt == null) {
            return !now.isBefore(started.plus(FIRST_TRY_WITHOUT_EXPIRY));
        }
        return !now.isBefore(expiresAt.minus(RENEW_WHEN_LEFT));
    }

    /** True when a person can sign in at this provider: its file declares an OAuth 2.0 sign-in. */
    boolean signable() {
        return policy.signIn();
    }

    /** A person's sign-in at this provider, sent back to {@code redirectUri}; null when the file declares none. */
    SignIn signIn(String redirectUri) {
        return signable() ? SignIn.start(provider, policy, setting.apply(policy.clientId()), redirectUri) : null;
    }

    /**
     * True when an OAuth 2.0 account is connected: a person signed in (an access token is kept), or a
     * refresh token is kept or seeded by the setting {@value TokenPolicy#REFRESH_TOKEN_SETTING}. Other
     * kinds need no sign-in.
     */
    boolean connected() {
        return policy.kind() != TokenPolicy.Kind.OAUTH2
                || renewable()
                || status.rotatedToken(provider).isPresent();
    }

    /** True when a person's sign-in keeps the token (OAuth 2.0), not the app's own credentials. */
    boolean signedIn() {
        return policy.kind() == TokenPolicy.Kind.OAUTH2;
    }

    /** True when the access token can be renewed without a person: not OAuth 2.0, or a refresh token is there. */
    boolean renewable() {
        return policy.kind() != TokenPolicy.Kind.OAUTH2
                || !(refreshToken() == null || refreshToken().isBlank());
    }

    /**
     * This instance's turn to renew the token, taken for the fleet, and the token still wants it, read
     * again now: the one the asker saw ({@link TokenEndpoints#REPLACES}) is still the current one, or
     * for the timer ({@link TokenEndpoints#WHEN_DUE}) it is still due. So a token another instance
     * renewed meanwhile is used instead of renewed again. Asked with neither, it is renewed.
     */
    private boolean takeTurn(Exchange exchange) {
        String replaces = exchange.getIn().getHeader(TokenEndpoints.REPLACES, String.class);
        boolean whenDue = exchange.getIn().getHeader(TokenEndpoints.WHEN_DUE, false, Boolean.class);
        if (!status.takeRefreshTurn(provider)) {
            log.debug("Another instance of the fleet is renewing the {} token", title);
            return false;
        }
        status.reread(provider);
        boolean wanted =
                replaces != null ? replaces.equals(status.rotatedToken(provider).orElse("")) : !whenDue || due();
        if (!wanted) {
            status.endRefreshTurn(provider);
        }
        return wanted;
    }

    private void codeRequest(Exchange exchange) {
        String code = exchange.getIn().getHeader(TokenEndpoints.CODE, String.class);
        String redirect = exchange.getIn().getHeader(TokenEndpoints.REDIRECT_URI, String.class);
        String verifier = exchange.getIn().getHeader(TokenEndpoints.CODE_VERIFIER, String.class);
        exchange.getIn().removeHeaders("*");
        headers.forEach(exchange.getIn()::setHeader);
        exchange.setProperty(TokenEndpoints.SIGN_IN, true);
        form(
                exchange,
                "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirect)
                        + (verifier == null ? "" : "&code_verifier=" + encode(verifier)) + client(exchange));
    }

    /**
     * The client's identification (RFC 6749 section 2.3.1): its id, and its secret when it has one, in
     * the form (client_secret_post, returned to append), or as {@code Authorization: Basic} of the two,
     * each form-encoded first (client_secret_basic: nothing to append).
     */
    private String client(Exchange exchange) {
        String id = setting.apply(policy.clientId());
        String secret = policy.clientSecret() == null ? null : setting.apply(policy.clientSecret());
        if (policy.clientAuth() == TokenPolicy.ClientAuth.BASIC) {
            String pair = encode(id) + ":" + encode(secret);
            exchange.getIn()
                    .setHeader(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            return "";
        }
        return "&" + policy.clientIdParameter() + "=" + encode(id)
                + (secret == null ? "" : "&client_secret=" + encode(secret));
    }

    private static void form(Exchange exchange, String body) {
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        exchange.getIn().setBody(body);
    }

    private void request(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        headers.forEach(exchange.getIn()::setHeader);
        exchange.getIn().setBody(null);
        String query = policy.url().getRawQuery() == null ? "" : policy.url().getRawQuery();
        if (policy.kind() == TokenPolicy.Kind.OAUTH2) {
            form(exchange, "grant_type=refresh_token&refresh_token=" + encode(refreshToken()) + client(exchange));
        } else if (policy.obtained()) {
            form(exchange, "grant_type=client_credentials" + client(exchange));
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
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
            @JsonProperty("refresh_expires_in") Long refreshExpiresIn,
            @JsonProperty("scope") String scope) {

        TokenAnswer(String accessToken, long expiresIn) {
            this(accessToken, expiresIn, null, null, null, null);
        }

        /** The refresh token's lifetime in seconds: LinkedIn's name, or TikTok's; null when not said. */
        Long refreshLifetime() {
            return refreshTokenExpiresIn != null ? refreshTokenExpiresIn : refreshExpiresIn;
        }
    }

    /** The refresh token to send: the one kept, else the seed setting; null when there is none. */
    private String refreshToken() {
        return status.refreshToken(provider).orElseGet(() -> setting.apply(TokenPolicy.REFRESH_TOKEN_SETTING));
    }

    /**
     * Not 200: the status, and the OAuth 2.0 error code when the answer names one (RFC 6749 section
     * 5.2: {@code invalid_grant} says the refresh token is refused). Its description is the upstream's
     * free text, not logged.
     */
    private void refused(Exchange exchange) {
        int code = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String error = OAuthError.code(exchange.getIn().getBody(String.class));
        failed(exchange, code, title + " answered HTTP " + code + (error == null ? "" : " " + error));
    }

    private void answer(Exchange exchange) {
        TokenAnswer answer = exchange.getIn().getBody(TokenAnswer.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        int code = 200;
        String token = answer == null || answer.accessToken() == null ? "" : answer.accessToken();
        long expiresIn = answer == null ? 0 : answer.expiresIn();
        if (token.isBlank() || expiresIn <= 0) {
            failed(exchange, code, title + "'s answer had no access_token or expires_in");
            return;
        }
        try {
            Instant expiresAt = clock.instant().plusSeconds(expiresIn);
            if (policy.kind() == TokenPolicy.Kind.OAUTH2) {
                // A rotated refresh token replaces the old one, which stops working: both are kept first.
                String refresh =
                        answer.refreshToken() == null || answer.refreshToken().isBlank()
                                ? refreshToken()
                                : answer.refreshToken();
                Instant refreshExpiresAt = answer.refreshLifetime() != null
                        ? clock.instant().plusSeconds(answer.refreshLifetime())
                        : status.refreshExpiresAt(provider);
                boolean rotated = refresh != null && !refresh.equals(refreshToken());
                status.refreshed(
                        provider, new TokenStatus.Stored(token, expiresAt, refresh, refreshExpiresAt, answer.scope()));
                if (exchange.getProperty(TokenEndpoints.SIGN_IN, false, Boolean.class)) {
                    log.info(
                            "The {} account is connected (scopes: {}); its token expires at {}, its refresh token {};"
                                    + " both are kept in {}",
                            title,
                            answer.scope() == null ? "not said" : answer.scope(),
                            expiresAt,
                            refreshExpiresAt == null ? "has no expiry said" : "at " + refreshExpiresAt,
                            status.keptIn(provider));
                    return;
                }
                log.info(
                        "The {} token was renewed with the refresh token{}; the new one expires at {} and is kept in {}",
                        title,
                        rotated ? ", which rotated (the new one is kept)" : "",
                        expiresAt,
                        status.keptIn(provider));
                return;
            } else {
                status.refreshed(provider, token, expiresAt);
            }
            log.info(
                    "The {} token was {}; the new one expires at {} and is kept in {}",
                    title,
                    policy.obtained() ? "obtained" : "refreshed",
                    expiresAt,
                    status.keptIn(provider));
        } catch (IOException unkept) {
            failed(
                    exchange,
                    code,
                    "the new token could not be read or kept ("
                            + unkept.getClass().getSimpleName() + ")");
        }
    }

    private void failed(Exchange exchange, int code, String problem) {
        exchange.setProperty(TokenEndpoints.PROBLEM, problem);
        lastFailedStatus = code;
        if (exchange.getProperty(TokenEndpoints.SIGN_IN, false, Boolean.class)) {
            // A sign-in that failed changes nothing the service uses: the person is told, not the alert rule.
            log.warn("The {} sign-in could not be completed: {}; the tokens kept before are unchanged", title, problem);
            return;
        }
        String verb = policy.obtained() ? "obtaining" : "refreshing";
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
