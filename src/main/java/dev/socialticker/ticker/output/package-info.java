/**
 * Push outputs: files in the routes folder's {@code outputs/}, each a route made from a built-in
 * output template, fed by the hub (route {@code output-events}: {@code SourceChanged},
 * {@code SourceTurnedStale}, {@code HistoryChanged}; a count changed, a source turned stale or fresh,
 * a body its history changed),
 * each output behind a queue and a worker of its own that keep only the newest state per source,
 * with its own retries, dead letters, health and counter. The templates themselves live beside
 * ({@code output.http}; {@code output.mqtt}). Publishes nothing.
 */
package dev.socialticker.ticker.output;
