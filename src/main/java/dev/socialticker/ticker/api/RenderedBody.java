package dev.socialticker.ticker.api;

import dev.socialticker.ticker.domain.TickerSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One pre-serialised representation: the JSON bytes and everything the read path needs to answer
 * with them, computed once per change instead of once per request.
 *
 * @param freshUntil   when this data turns stale (drives {@code max-age}); null when already stale
 *                     or without data
 * @param staleSources sources behind this body that a read should ask to refresh
 * @param noData       true when there is nothing to show yet: the answer is 503
 * @param formats      the same data in every other format ({@code ?format=}, the badge), each with
 *                     its own ETag
 */
record RenderedBody(
        byte[] json,
        String etag,
        String lastModified,
        Instant freshUntil,
        List<TickerSource> staleSources,
        boolean noData,
        Map<MetricsFormat, Alternative> formats) {

    /** Another representation of the same data. */
    record Alternative(byte[] bytes, String etag) {}

    /** The same total as a Smiirl counter reads it, {@code {"number": N}}. */
    Alternative smiirl() {
        return formats.get(MetricsFormat.SMIIRL);
    }
}
