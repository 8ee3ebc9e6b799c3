package dev.socialticker.ticker.domain;

import java.time.Duration;
import java.util.List;

/**
 * How much a count grew over the last day, 7 days and 30 days; a window is null while the history
 * is shorter than it. {@code approximate}: the upstream rounds its counts (YouTube keeps three
 * significant figures), so a small growth may read as zero.
 */
public record Growth(Long oneDay, Long sevenDays, Long thirtyDays, boolean approximate) {

    /** The windows, in this order: one day, 7 days, 30 days. */
    public static final List<Duration> WINDOWS = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    public static final Growth NONE = new Growth(null, null, null, false);

    /** Whether any window is known: the history reaches back a day or more. */
    public boolean hasAnyWindow() {
        return oneDay != null || sevenDays != null || thirtyDays != null;
    }

    /** The growth of a sum: each window known only when it is known for both. */
    public Growth plus(Growth other) {
        return new Growth(
                sum(oneDay, other.oneDay),
                sum(sevenDays, other.sevenDays),
                sum(thirtyDays, other.thirtyDays),
                approximate || other.approximate);
    }

    private static Long sum(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }
}
