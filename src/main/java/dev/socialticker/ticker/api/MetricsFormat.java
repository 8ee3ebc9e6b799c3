package dev.socialticker.ticker.api;

import java.util.Locale;

/**
 * The representations of a metrics body besides the contract's JSON: {@code ?format=} picks one on
 * {@code /api/metrics}, {@code /api/metrics/{id}} and {@code /api/tickers/{name}}; the badge has a
 * path of its own ({@code …/badge.svg}).
 */
enum MetricsFormat {
    /** {@code {"number": n}}, what a Smiirl counter polls. */
    SMIIRL("application/json", false),
    /** shields.io's endpoint badge (format.ShieldsEndpoint). */
    SHIELDS("application/json", true),
    /** LaMetric "My Data (DIY)" frames (format.LametricFrames). */
    LAMETRIC("application/json", true),
    /** An AWTRIX 3 custom app (format.AwtrixApp). */
    AWTRIX("application/json", true),
    /** The service's own SVG badge (format.BadgeSvg), served at {@code …/badge.svg}. */
    BADGE("image/svg+xml", true);

    private final String contentType;
    private final boolean answersWithoutData;

    MetricsFormat(String contentType, boolean answersWithoutData) {
        this.contentType = contentType;
        this.answersWithoutData = answersWithoutData;
    }

    String contentType() {
        return contentType;
    }

    /**
     * True when a body without data is still answered 200: a badge or a device shows "no data"
     * rather than a broken image or an error screen. The contract's JSON (and Smiirl's, which a
     * counter reads as it) answers 503.
     */
    boolean answersWithoutData() {
        return answersWithoutData;
    }

    /** The {@code ?format=} value naming it. */
    String query() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format {@code ?format=} names: null when absent (the contract's JSON); 400 when unknown. */
    static MetricsFormat ofQuery(String format) {
        if (format == null || format.isEmpty()) {
            return null;
        }
        for (MetricsFormat candidate : values()) {
            if (candidate != BADGE && candidate.query().equals(format)) {
                return candidate;
            }
        }
        throw ApiProblems.unknownFormat();
    }
}
