package dev.socialticker.ticker.domain;

/**
 * Published when a provider's route is replaced while the service runs (a reloaded provider file):
 * what was learnt from the old route's answers, such as entity tags, no longer holds.
 *
 * @param provider the provider's name
 */
public record ProviderRouteReplaced(String provider) implements TickerEvent {
    @Override
    public String subject() {
        return "provider " + provider;
    }
}
