package dev.socialticker.ticker.store;

import java.time.Instant;

/** The last good reading of a source. */
public record Snapshot(long total, String profile, Instant refreshedAt, QuotaUsage quota) {
}
