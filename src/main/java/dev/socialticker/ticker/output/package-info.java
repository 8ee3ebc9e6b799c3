/**
 * Push outputs: files in the routes folder's {@code outputs/}, each a route made from a built-in
 * output template, fed by the hub (route {@code output-events}: {@code SourceReported},
 * {@code SourceTurnedStale}, {@code HistoryChanged}; a count changed, a source turned stale or fresh,
 * a body its history changed), kept in its own read model ({@code SourcesTold}) from which a push's
 * body is rendered with {@code format.MetricsDocuments}, as the API renders its own,
 * each output behind a queue and a worker of its own that keep only the newest state per source,
 * with its own retries, dead letters, health and counter. The templates themselves live beside
 * ({@code output.http}; {@code output.mqtt}). Publishes nothing.
 */
package dev.socialticker.ticker.output;
