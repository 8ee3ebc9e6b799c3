package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.TickerSource;

/**
 * The right to write the outcome of one refresh of one source, carried in an exchange property by
 * the refresh that holds it. It is used at most once, and not at all once the refresh has timed out
 * or the service is stopping: a late answer can then never overwrite what was recorded in its place.
 */
public interface WritePermit {
    /** Exchange property holding the permit. */
    String PROPERTY = "TickerRefreshRun";

    /** The source this refresh is for; set by the refresh route, out of reach of provider routes. */
    TickerSource source();

    /** Uses the permit; false when it was used already, or withdrawn. */
    boolean tryCommit();

    /** Time since the refresh started. */
    java.time.Duration elapsed();
}
