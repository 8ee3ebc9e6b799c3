package dev.socialticker.ticker.api;

import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The JSON of {@code GET /api/ui-config} (also the OpenAPI document's schema for it).
 *
 * @param providers how each provider of the configured sources shows itself, by provider name
 */
record UiConfig(
        long pollIntervalSeconds,
        String fallbackMessage,

        @Schema(
                description = "How each provider of the configured sources shows itself (its file's display):"
                        + " name, Material Design Icons name, and what it counts, singular and plural")
        Map<String, ProviderDisplay> providers) {}
