package dev.socialticker.ticker.alert;

/**
 * The conditions an operator is told about, most specific first (and, last, the milestones a
 * source's count passes, which are celebrated rather than incidents): when several hold for one source
 * at once, the one declared first speaks and the others stay quiet until it is over (an expired
 * token is {@code AUTH} at once and {@code FAILING} three refreshes later: one message).
 */
public enum AlertRule {
    AUTH(
            "auth",
            "the access token was rejected",
            "Get a new token and set it (docs/alerts.md, \"Rotating a token\"), then restart or wait for the next refresh."),
    TOKEN_EXPIRY(
            "token-expiry",
            "the access token expires soon",
            "Refresh or replace the token before it expires (docs/alerts.md, \"Rotating a token\")."),
    QUOTA(
            "quota",
            "the provider's quota is nearly used up",
            "Refresh less often (ticker.refresh.period) or ask the provider for a higher limit; the last count is served meanwhile."),
    LATENCY(
            "latency",
            "the provider answers slowly",
            "Check the provider's status page; nothing is lost, the last count is served meanwhile."),
    FAILING(
            "failing",
            "refreshes keep failing",
            "See the error code on /api/metrics and the service's log; the last count is served meanwhile."),
    DATA_AGE(
            "data-age",
            "the count is old",
            "The count has not been refreshed for long: check the refreshes (/api/metrics error, the log)."),
    /** Not a condition: a source's count passed a milestone, celebrated once (never an incident). */
    MILESTONE("milestone", "a milestone was passed", "Nothing to do: celebrate.");

    private final String key;
    private final String condition;
    private final String advice;

    AlertRule(String key, String condition, String advice) {
        this.key = key;
        this.condition = condition;
        this.advice = advice;
    }

    /** The name in properties ({@code ticker.alerts.rules.<key>}), metrics and messages. */
    public String key() {
        return key;
    }

    /** What holds, in words: "the access token was rejected". */
    public String condition() {
        return condition;
    }

    /** What to do about it. */
    public String advice() {
        return advice;
    }

    /** Whether this rule speaks before {@code other} when both hold for one source. */
    boolean moreSpecificThan(AlertRule other) {
        return ordinal() < other.ordinal();
    }
}
