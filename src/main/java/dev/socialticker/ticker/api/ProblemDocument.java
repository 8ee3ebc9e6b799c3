package dev.socialticker.ticker.api;

/**
 * Body of every rejection (400, 401, 404, 405, 503 while starting): the same {@code error} member a
 * ticker already knows how to read from {@code GET /api/metrics}. A top-level type because the
 * OpenAPI document names response models by their canonical class name.
 */
record ProblemDocument(ProblemError error) {
    ProblemDocument(String code, String message) {
        this(new ProblemError(code, message));
    }

    record ProblemError(String code, String message) {
    }
}
