package dev.socialticker.ticker.api;

import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/ui-config} (also the OpenAPI document's schema for it).
 *
 * @param providers  how each provider of the configured sources shows itself, by provider name
 * @param milestones the milestone ladder, lowest first; empty with the history off
 */
record UiConfig(
        long pollIntervalSeconds,
        String fallbackMessage,

        @Schema(
                description = "How each provider of the configured sources shows itself (its file's display):"
                        + " name, Material Design Icons name, and what it counts, singular and plural")
        Map<String, ProviderDisplay> providers,

        @Schema(
                description =
                        "The milestones (ticker.history.milestones, or the standard ladder: 10, 25, 50, 100,"
                                + " …), lowest first, for the charts to mark where a count crossed one; empty with the history off")
        List<Long> milestones) {}
