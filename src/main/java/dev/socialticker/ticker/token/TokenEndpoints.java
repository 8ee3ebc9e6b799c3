package dev.socialticker.ticker.token;

/** The token routes' endpoints, named once here: one pair per provider whose token is kept. */
final class TokenEndpoints {
    /** Refreshes (or obtains) the Instagram token now: {@link #refresh(String)} of instagram. */
    static final String INSTAGRAM_TOKEN_REFRESH = refresh("instagram");

    /**
     * Publishes what changed of the providers' tokens (route {@code token-status}): at start-up, then
     * every {@code TokenStatus.SHARED_READ_EVERY}.
     */
    static final String STATUS_TIMER = "timer:token-status?delay=0&period=" + TokenStatus.SHARED_READ_EVERY.toMillis();

    /** Header of a renewal: the token it replaces, renewed only if it is still the current one. */
    static final String REPLACES = "TickerTokenReplaces";
    /** Header of the timer's renewal: only if the token is still due once read again. */
    static final String WHEN_DUE = "TickerTokenWhenDue";
    /** Headers of a sign-in's code exchange ({@link #code}). */
    static final String CODE = "TickerAuthorizationCode";

    static final String REDIRECT_URI = "TickerRedirectUri";
    static final String CODE_VERIFIER = "TickerCodeVerifier";
    /** Exchange property: this call exchanges a sign-in's code. */
    static final String SIGN_IN = "TickerSignIn";
    /** Exchange property: why the call obtained no token (absent when it did). */
    static final String PROBLEM = "TickerTokenProblem";

    private TokenEndpoints() {}

    /** Exchanges a sign-in's authorization code for the first tokens (route {@code <provider>-token-code}). */
    static String code(String provider) {
        return "direct:" + provider + "-token-code";
    }

    /** The call of the token endpoint itself (route {@code <provider>-token-call}). */
    static String call(String provider) {
        return "direct:" + provider + "-token-call";
    }

    static String codeRouteId(String provider) {
        return provider + "-token-code";
    }

    static String callRouteId(String provider) {
        return provider + "-token-call";
    }

    /** Every route id of a provider's token routes. */
    static String[] routeIds(String provider) {
        return new String[] {
            timerRouteId(provider), refreshRouteId(provider), codeRouteId(provider), callRouteId(provider)
        };
    }

    /** Refreshes or obtains the provider's token now (route {@code <provider>-token-refresh}). */
    static String refresh(String provider) {
        return "direct:" + provider + "-token-refresh";
    }

    /** Hourly: is the provider's token due? (route {@code <provider>-token-refresh-timer}). */
    static String timer(String provider) {
        return "timer:" + provider + "-token-refresh?period=3600000&delay=10000";
    }

    static String refreshRouteId(String provider) {
        return provider + "-token-refresh";
    }

    static String timerRouteId(String provider) {
        return provider + "-token-refresh-timer";
    }
}
