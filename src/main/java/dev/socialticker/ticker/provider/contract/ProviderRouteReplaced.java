package dev.socialticker.ticker.provider.contract;

/**
 * Published when a provider's route is replaced while the service runs (a reloaded provider file):
 * what was learnt from the old route's answers, such as entity tags, no longer holds.
 *
 * @param provider the provider's name
 */
public record ProviderRouteReplaced(String provider) {}
