/**
 * The shared mode ({@code ticker.store.type=redis}): the Redis link, the fleet's refresh gate, and
 * the messages that keep each instance's copy in step.
 *
 * <p><b>Listens to</b> {@code SourceChanged} on the hub (route {@code fleet-announce}: this
 * instance's own changes go to the other instances). A change learnt from another instance is
 * written to the store, which publishes it (cause FLEET). <b>Publishes</b> nothing itself.
 */
package dev.socialticker.ticker.fleet;
