package dev.socialticker.ticker.provider.contract;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling of every route that runs inside a refresh (provider routes, the store writes):
 * none of their own. A failure propagates to the refresh route, whose dead-letter channel
 * classifies, retries and records it, so no step re-implements (or silently swallows) failures.
 * Provider files get it whether they name it or not.
 */
@Component
public class RefreshStepConfiguration extends RouteConfigurationBuilder {
    public static final String ID = "refresh-step";

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(noErrorHandler());
    }
}
