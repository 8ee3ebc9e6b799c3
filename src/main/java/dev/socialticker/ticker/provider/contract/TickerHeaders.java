package dev.socialticker.ticker.provider.contract;

/**
 * Message headers of the provider contract (routes/README.md). A provider route receives the
 * source headers and answers with the result headers; everything else is shared.
 */
public final class TickerHeaders {
    /** In: the source being refreshed. */
    public static final String SOURCE_ID = "TickerSourceId";
    /** In: the provider name, which selects {@code direct:provider-<name>}. */
    public static final String PROVIDER = "TickerProvider";
    /** In: the account at the provider (user id, login, handle...). */
    public static final String ACCOUNT = "TickerAccount";
    /** Out: the count as the upstream sent it (number or string); validated by the store. */
    public static final String RAW_TOTAL = "TickerRawTotal";
    /** Out: the profile name as the upstream sent it; optional. */
    public static final String PROFILE = "TickerProfile";
    /** Out: optional quota facts ({@code QuotaUsage}). */
    public static final String QUOTA = "TickerQuota";
    /**
     * In: the entity tag stored with the last good snapshot, when the upstream sent one; out: the
     * entity tag of this answer, kept with the new snapshot for the next conditional request.
     */
    public static final String ETAG = "TickerETag";
    /** Out: true when the upstream answered 304 Not Modified: the stored count still holds. */
    public static final String NOT_MODIFIED = "TickerNotModified";

    private TickerHeaders() {}
}
