package dev.socialticker.ticker.api;

/** The JSON of {@code GET /api/ui-config} (also the OpenAPI document's schema for it). */
record UiConfig(long pollIntervalSeconds, String fallbackMessage) {}
