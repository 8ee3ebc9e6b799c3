package dev.socialticker.ticker.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * JSON shapes of {@code GET /api/metrics} (field order as in the contract). The {@link Schema}
 * notes are what the OpenAPI document says of each field.
 */
public record MetricsDocument(
        @Schema(
                nullable = true,
                example = "12345",
                description = "Sum over the sources that have data; null before any")
        Long total,

        @Schema(nullable = true, description = "The profile when there is exactly one source")
        String profile,

        @Schema(
                nullable = true,
                format = "date-time",
                description = "The oldest refreshedAt among sources with data (UTC)")
        String refreshedAt,

        @Schema(
                nullable = true,
                format = "date-time",
                description =
                        "When that data turns stale (refreshedAt + "
                                + "stale-after, the earliest among sources): a client reading a cached copy late can judge its age")
        String staleAt,

        @Schema(
                description = "True when, at the moment the body was made, any source was older than stale-after, "
                        + "had no data yet, or its latest refresh had failed")
        boolean stale,

        @Schema(nullable = true, description = "The most recent failure of a source whose latest refresh failed")
        ErrorDocument error,

        @Schema(
                nullable = true,
                description = "The total's growth: the sum of the sources' growth (a window null when any source "
                        + "with data lacks it; partial then says what the others show); null before any data or "
                        + "with ticker.history.enabled=false")
        GrowthDocument growth,

        @Schema(
                nullable = true,
                description = "The total's next milestone, its date estimated from the total's growth; null "
                        + "before any data, above the ladder's top, or with ticker.history.enabled=false")
        MilestoneDocument nextMilestone,

        List<SourceDocument> sources) {

    public record SourceDocument(
            @Schema(example = "instagram-acme") String id,
            @Schema(example = "instagram") String provider,
            @Schema(nullable = true) String profile,

            @Schema(nullable = true, description = "Whole number of followers; null before any data")
            Long total,

            @Schema(nullable = true, format = "date-time") String refreshedAt,

            @Schema(nullable = true, format = "date-time", description = "refreshedAt + stale-after")
            String staleAt,

            boolean stale,

            @Schema(nullable = true, description = "Why the latest refresh failed; the last good total is kept")
            ErrorDocument error,

            @Schema(
                    nullable = true,
                    description = "How much the count grew; null before any data or with ticker.history.enabled=false")
            GrowthDocument growth,

            @Schema(
                    nullable = true,
                    description = "The next milestone above the count; null before any data, above the ladder's "
                            + "top, or with ticker.history.enabled=false")
            MilestoneDocument nextMilestone) {}

    /**
     * A count's growth up to its {@code refreshedAt}: the count then less the count the history holds
     * for one, 7 and 30 days before.
     */
    public record GrowthDocument(
            @Schema(
                    nullable = true,
                    example = "312",
                    description = "Over the last day; null while the history is shorter")
            Long oneDay,

            @Schema(
                    nullable = true,
                    example = "2100",
                    description = "Over the last 7 days; null while the history is shorter")
            Long sevenDays,

            @Schema(
                    nullable = true,
                    example = "8800",
                    description = "Over the last 30 days; null while the history is shorter")
            Long thirtyDays,

            @Schema(
                    description = "True when an upstream rounds its counts (its provider file declares roundedCounts: "
                            + "YouTube keeps three significant figures): a small growth may read as 0")
            boolean approximate,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    nullable = true,
                    description = "A sum's growth only (the top level, a named ticker), and only while some of its "
                            + "sources' history is shorter than a day (a source added lately, or another one "
                            + "backfilled): the growth of the sources whose history is long enough, which it "
                            + "lists. The windows above stay null until every source has them")
            PartialGrowthDocument partial) {}

    /** The growth of some of a sum's sources: those whose history reaches back a day or more. */
    public record PartialGrowthDocument(
            @Schema(
                    nullable = true,
                    example = "312",
                    description = "Their growth over the last day; null when any of them lacks it")
            Long oneDay,

            @Schema(nullable = true, example = "2100", description = "Over the last 7 days, the same way")
            Long sevenDays,

            @Schema(nullable = true, example = "8800", description = "Over the last 30 days, the same way")
            Long thirtyDays,

            @Schema(description = "True when any of their upstreams rounds its counts")
            boolean approximate,

            @Schema(
                    description = "The sources counted, in configuration order; the sum's other sources with data "
                            + "are not")
            List<String> sources) {}

    /** The next rung of the milestone ladder (ticker.history.milestones) and when it should be reached. */
    public record MilestoneDocument(
            @Schema(example = "15000", description = "The next milestone above the count")
            long value,

            @Schema(
                    nullable = true,
                    format = "date-time",
                    example = "2027-01-15T08:00:00Z",
                    description =
                            "When the count should reach it at the recent rate (7 days, or the last day while the "
                                    + "history is shorter); null unless within ticker.history.forecast-horizon (84 days)")
            String eta) {}

    public record ErrorDocument(
            @Schema(
                    example = "RATE_LIMITED",
                    description = "UPSTREAM_UNAVAILABLE, TIMEOUT, RATE_LIMITED, AUTH_FAILED, "
                            + "NOT_FOUND, INVALID_PAYLOAD or NO_DATA (docs/api.md)")
            String code,

            @Schema(description = "Written by the service, safe to show: no secret, no upstream text")
            String message,

            @Schema(nullable = true, format = "date-time") String at,

            @Schema(nullable = true, description = "The upstream's HTTP status, when it answered")
            Integer httpStatus,

            @Schema(description = "Calls made in the failed refresh")
            int attempts) {}

    /** What a Smiirl counter polls: {@code {"number": 42}}; null before any data. */
    public record SmiirlDocument(Long number) {}
}
