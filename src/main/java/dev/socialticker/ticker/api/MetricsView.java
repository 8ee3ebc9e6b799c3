package dev.socialticker.ticker.api;

import java.time.Instant;
import java.util.Map;

/**
 * Everything {@code GET /api/metrics} can answer, rendered at one moment.
 *
 * @param byTicker     each named ticker's body ({@code ticker.tickers.<name>}), shaped as the aggregate
 * @param turnsStaleAt the first moment some fresh source turns stale, when this view must be
 *                     rendered again even though nothing was stored
 * @param version      how many changes (of a state, or of its history's facts) the view's read model
 *                     had applied when it was rendered
 */
record MetricsView(
        RenderedBody aggregate,
        Map<String, RenderedBody> bySource,
        Map<String, RenderedBody> byTicker,
        Instant turnsStaleAt,
        long version) {}
