package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * The last good reading of a source.
 *
 * @param etag the upstream's entity tag for this reading, sent back as If-None-Match; null when none
 */
public record Snapshot(long total, String profile, Instant refreshedAt, QuotaUsage quota, String etag) {}
