package dev.socialticker.ticker.provider.contract;

/**
 * Quota facts an upstream reported with its answer. Each field is null when the upstream did not
 * say: unknown is not zero.
 *
 * @param usedPercent        highest share of any limit already used (100 = throttled)
 * @param regainAccessMinutes minutes until a throttled app may call again
 */
public record QuotaUsage(Integer usedPercent, Integer regainAccessMinutes) {
}
