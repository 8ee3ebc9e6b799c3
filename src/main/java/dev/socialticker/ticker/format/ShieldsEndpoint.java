package dev.socialticker.ticker.format;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * shields.io's endpoint badge: {@code https://img.shields.io/endpoint?url=<this answer's URL>} draws
 * it in the user's chosen style.
 *
 * <p>Checked against shields.io's "Endpoint Badge" page (shields.io/badges/endpoint-badge):
 * {@code schemaVersion} is required and always the number 1; {@code label} is required (the left
 * text); {@code message} is required and cannot be empty (the right text); {@code color} defaults to
 * lightgrey and takes the eight named colours (brightgreen, green, yellowgreen, yellow, orange, red,
 * blue, lightgrey) or CSS colours; {@code isError} (default false) marks an error badge whose colour
 * the user cannot override; {@code cacheSeconds} (default 300, values below 300 ignored) sets the
 * HTTP cache lifetime shields and its CDN keep.
 */
@JsonPropertyOrder({"schemaVersion", "label", "message", "color", "isError", "cacheSeconds"})
public record ShieldsEndpoint(
        int schemaVersion,
        String label,
        String message,
        String color,
        @JsonProperty("isError") boolean isError,
        int cacheSeconds) {

    /** shields ignores a {@code cacheSeconds} below this. */
    public static final int MIN_CACHE_SECONDS = 300;

    /**
     * The badge of {@code reading}: its compact count ({@code 12.3k}) coloured by its state, or
     * {@code no data} as an error badge when there is no count.
     *
     * @param label        the left text, e.g. {@code followers}
     * @param cacheSeconds how long shields may keep it; raised to shields' minimum of 300
     */
    public static ShieldsEndpoint of(Reading reading, String label, int cacheSeconds) {
        boolean none = reading.count() == null;
        return new ShieldsEndpoint(
                1,
                label,
                none ? "no data" : CompactNumber.compact(reading.count()),
                namedColour(reading.state()),
                none,
                Math.max(MIN_CACHE_SECONDS, cacheSeconds));
    }

    /** shields' named colour for a state (the SVG badge uses darker shades of the same hues). */
    public static String namedColour(CountState state) {
        return switch (state) {
            case FRESH -> "brightgreen";
            case STALE -> "yellow";
            case FAILING -> "orange";
            case NO_COUNT -> "red";
        };
    }
}
