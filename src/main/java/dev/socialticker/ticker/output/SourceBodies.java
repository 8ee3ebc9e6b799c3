package dev.socialticker.ticker.output;

/**
 * The JSON the API answers for one source ({@code GET /api/metrics/{id}}), as rendered now. Implemented
 * by the API, which owns that shape; outputs send it as it is, so a webhook gets what a reader gets.
 */
public interface SourceBodies {
    /** The body, or null when the source is unknown or has no count. */
    byte[] json(String sourceId);

    /**
     * The body of a source that has no count yet ({@code total} null, the error saying why: no data
     * yet, or the latest failure), as the API answers it with its 503; null when the source is unknown
     * or has a count now. For an output that announces such sources (Home Assistant's sensor, unknown).
     */
    byte[] jsonWithoutCount(String sourceId);

    /**
     * The AWTRIX 3 custom app the API answers for {@code GET /api/metrics/{id}?format=awtrix} (count,
     * colour by state, progress toward the next milestone, a lifetime), or null when the source is
     * unknown.
     */
    byte[] awtrix(String sourceId);
}
