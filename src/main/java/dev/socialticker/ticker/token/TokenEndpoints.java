package dev.socialticker.ticker.token;

/** The token routes' endpoints, named once here. */
final class TokenEndpoints {
    /** Refreshes the Instagram token now (route {@code instagram-token-refresh}). */
    static final String INSTAGRAM_TOKEN_REFRESH = "direct:instagram-token-refresh";
    /** Hourly: is the Instagram token due for a refresh? */
    static final String INSTAGRAM_TOKEN_TIMER = "timer:instagram-token-refresh?period=3600000&delay=10000";

    private TokenEndpoints() {}
}
