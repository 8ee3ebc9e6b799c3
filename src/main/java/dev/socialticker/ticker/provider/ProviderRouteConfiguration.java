package dev.socialticker.ticker.provider;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error-handling configuration every provider route opts into: none of its own. A
 * provider's failure propagates to the shared refresh route, whose dead-letter channel classifies,
 * retries and records it, so no provider re-implements (or silently swallows) failures.
 */
@Component
public class ProviderRouteConfiguration extends RouteConfigurationBuilder {
    public static final String ID = "provider-route";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
