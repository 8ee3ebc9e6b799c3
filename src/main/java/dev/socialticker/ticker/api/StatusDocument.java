package dev.socialticker.ticker.api;

import dev.socialticker.ticker.format.MetricsDocument.ErrorDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON of {@code GET /api/status}: every source as an operator reads it on the status console
 * (/status). Made only of what the metrics bodies already show, plus the refresher's plan and the
 * quota: no setting, no secret, no upstream text.
 *
 * @param generatedAt when the service wrote it
 * @param sources     every configured source, in the configuration's order
 */
record StatusDocument(@Schema(format = "date-time") String generatedAt, List<SourceStatus> sources) {

    /**
     * One source.
     *
     * @param state            {@code live}, {@code stale}, {@code failing} (the last good count, the
     *                         latest refresh failed) or {@code no-data}
     * @param nextAttemptAt    the earliest a refresh of it may start (its min-interval, or the wait an
     *                         upstream asked for)
     * @param refreshing       a refresh of it is running now
     * @param quotaUsedPercent the highest share of its upstream's quota the last answer said was used;
     *                         null when the upstream says none
     * @param days             the last count of each of the recent UTC days, oldest first
     */
    record SourceStatus(
            String id,
            String provider,
            @Schema(nullable = true) String profile,

            @Schema(allowableValues = {"live", "stale", "failing", "no-data"})
            String state,

            @Schema(nullable = true) Long total,
            @Schema(nullable = true, format = "date-time") String refreshedAt,
            @Schema(format = "date-time") String nextAttemptAt,
            boolean refreshing,
            @Schema(nullable = true) ErrorDocument error,
            @Schema(nullable = true) Integer quotaUsedPercent,
            List<Long> days) {}
}
