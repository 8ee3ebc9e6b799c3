package dev.socialticker.ticker.api;

import java.util.List;

/** JSON shapes of {@code GET /api/metrics} (field order as in the contract). */
record MetricsDocument(Long total, String profile, String refreshedAt, boolean stale, ErrorDocument error,
        List<SourceDocument> sources) {

    record SourceDocument(String id, String provider, String profile, Long total, String refreshedAt,
            boolean stale, ErrorDocument error) {
    }

    record ErrorDocument(String code, String message, String at, Integer httpStatus, int attempts) {
    }

    /** Body of 400/404 answers: the same {@code error} member a ticker already knows how to read. */
    record ProblemDocument(ProblemError error) {
        ProblemDocument(String code, String message) {
            this(new ProblemError(code, message));
        }
    }

    record ProblemError(String code, String message) {
    }

    /** What a Smiirl counter polls: {@code {"number": 42}}; null before any data. */
    record SmiirlDocument(Long number) {
    }
}
