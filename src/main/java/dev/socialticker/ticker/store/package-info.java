/**
 * The sources' states: count validation, the Caffeine cache and the routes that write it, the
 * store's clock, and the metrics of refreshes.
 *
 * <p><b>Publishes</b> on the hub: {@code SourceChanged} after every write, and every source's state
 * at start-up (cause RESTORED); {@code SourceTurnedStale} from its one clock ({@code StaleClock}).
 * <b>Listens to</b> {@code ProviderRouteReplaced} (route {@code store-route-replaced}: drops that
 * provider's entity tags).
 */
package dev.socialticker.ticker.store;
