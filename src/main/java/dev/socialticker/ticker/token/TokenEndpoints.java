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

    private TokenEndpoints() {}

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
