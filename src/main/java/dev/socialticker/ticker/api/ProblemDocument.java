package dev.socialticker.ticker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Body of every rejection (400, 401, 404, 405, 503 while starting): the same {@code error} member a
 * ticker already knows how to read from {@code GET /api/metrics}. A top-level type because the
 * OpenAPI document names response models by their canonical class name.
 */
record ProblemDocument(ProblemError error) {
    /** Its own writer: also used by Tomcat's error valve and a filter, where no Spring bean is at hand. */
    private static final ObjectWriter WRITER = new ObjectMapper().writerFor(ProblemDocument.class);

    ProblemDocument(String code, String message) {
        this(new ProblemError(code, message));
    }

    /** The one place an error body is written: the route rejections, the filters and the error pages. */
    static byte[] json(String code, String message) {
        try {
            return WRITER.writeValueAsBytes(new ProblemDocument(code, message));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write an error body", impossible);
        }
    }

    record ProblemError(String code, String message) {}
}
