package dev.socialticker.ticker.provider.contract;

/**
 * Whether a provider's upstream rounds the counts it answers (YouTube keeps three significant
 * figures), as its provider file declares: growth read from such counts is approximate.
 */
public interface CountPrecision {

    /** True when {@code provider}'s counts are rounded by its upstream. */
    boolean rounded(String provider);
}
