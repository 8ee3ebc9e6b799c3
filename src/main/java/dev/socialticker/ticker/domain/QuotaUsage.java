package dev.socialticker.ticker.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quota facts an upstream reported with its answer. Each field is null (or the kind absent) when
 * the upstream did not say: unknown is not zero.
 *
 * @param usedPercent         highest share of any limit already used (100 = throttled)
 * @param regainAccessMinutes minutes until a throttled app may call again
 * @param usedPercentByKind   share used of each limit the upstream reported, by kind: the Graph
 *                            API's {@code call_count}, {@code total_cputime}, {@code total_time}
 *                            (app or business use case, whichever is higher), {@code rate_limit}
 *                            for {@code X-RateLimit-*}/{@code RateLimit-*} headers
 */
public record QuotaUsage(Integer usedPercent, Integer regainAccessMinutes, Map<String, Integer> usedPercentByKind) {
    public QuotaUsage {
        // Sorted and read-only: equal usages compare equal and serialise the same way.
        usedPercentByKind =
                usedPercentByKind == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(usedPercentByKind));
    }

    public QuotaUsage(Integer usedPercent, Integer regainAccessMinutes) {
        this(usedPercent, regainAccessMinutes, Map.of());
    }
}
