package dev.socialticker.ticker.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code POST /api/admin/history/{id}}: what the backfill did with each day. */
record BackfillDocument(
        @Schema(example = "instagram-acme") String id,

        @Schema(example = "40", description = "Days in the upload")
        int days,

        @Schema(example = "40", description = "Days the history did not have")
        int added,

        @Schema(example = "0", description = "Days the history had with another count, now replaced")
        int updated,

        @Schema(example = "0", description = "Days the history already had with this count (a repeated upload)")
        int unchanged,

        @Schema(
                example = "0",
                description = "Days on or after the source's first live reading: left alone (live data wins)")
        int keptLive) {}
