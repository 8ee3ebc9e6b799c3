/**
 * Refreshing the sources: the timer, the gate (single flight, min-interval, the upstream's waits;
 * the fleet's part through {@code FleetGate}), each refresh run with its deadline and retries, and
 * the dead-letter channel. A refresh's outcome goes to the store's endpoints, which publish it.
 *
 * <p><b>Publishes</b> nothing on the hub itself. <b>Listens to</b> nothing: it reads the store's
 * states it refreshes (the gate's waits at start-up, the last entity tag).
 */
package dev.socialticker.ticker.refresh;
