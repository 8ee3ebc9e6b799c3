/**
 * The HTTP API and the pages: the REST DSL on camel-platform-http, the pre-rendered view of every
 * body, the admin operations.
 *
 * <p><b>Listens to</b> the hub (route {@code render-view}): {@code SourceReported} (a change with
 * its history's facts), {@code SourceTurnedStale} and {@code HistoryChanged} render the view again
 * ahead of reads, with {@code format.MetricsDocuments}.
 * <b>Publishes</b> nothing: an admin action goes through its owner (an invalidation to the store's
 * endpoint, a backfill to the history, which publish what changed).
 */
package dev.socialticker.ticker.api;
