/**
 * Provider files ({@code routes/<name>.camel.yaml} and the built-in ones in the jar): found, parsed,
 * checked against the provider contract one by one, loaded, reloaded on change, and reported in
 * health. A file that breaks the contract is refused alone.
 *
 * <p><b>Publishes</b> {@code ProviderRouteReplaced} on the hub when a file is reloaded.
 * <b>Listens to</b> nothing.
 */
package dev.socialticker.ticker.provider.file;
