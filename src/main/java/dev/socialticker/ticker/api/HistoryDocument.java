package dev.socialticker.ticker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * JSON shape of {@code GET /api/metrics/{id}/history} ({@code id}) and of the sum,
 * {@code GET /api/metrics/history} ({@code sources}). The {@link Schema} notes are what the OpenAPI
 * document says of each field.
 */
record HistoryDocument(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "instagram-acme", description = "The source (GET /metrics/{id}/history only)")
        String id,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The sources added up, in configuration order (GET /metrics/history only)")
        List<String> sources,

        @Schema(
                example = "day",
                allowableValues = {"raw", "hour", "day"})
        String step,

        @Schema(format = "date-time", example = "2025-11-28T10:00:00Z", description = "The range's start (UTC)")
        String from,

        @Schema(format = "date-time", example = "2026-11-28T10:00:00Z", description = "The range's end (UTC)")
        String to,

        @Schema(description = "Oldest first; at most ticker.history.max-points")
        List<PointDocument> points) {

    /**
     * One point: a reading (raw), or an hour's or a day's bucket. For a sum, the sources' counts at
     * that instant added up, each carried from its own latest point.
     */
    record PointDocument(
            @Schema(
                    format = "date-time",
                    example = "2026-11-01T00:00:00Z",
                    description = "The reading's time (raw), or the start of its hour or UTC day")
            String at,

            @Schema(example = "12000", description = "The count (for an hour or a day: its last count)")
            long count,

            @Schema(example = "11990", description = "The lowest count of the day (raw and hour: the count)")
            long min,

            @Schema(example = "12010", description = "The highest count of the day (raw and hour: the count)")
            long max) {}
}
