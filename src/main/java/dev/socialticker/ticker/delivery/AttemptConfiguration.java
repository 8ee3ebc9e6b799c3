package dev.socialticker.ticker.delivery;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling of every route that makes one delivery attempt (an output's, an alert
 * channel's): none of its own. A failure returns to the destination's {@link Courier}, which retries
 * it unless a newer parcel is waiting, then dead-letters it.
 */
@Component
public class AttemptConfiguration extends RouteConfigurationBuilder {
    @Override
    public void configuration() {
        routeConfiguration(DeliveryEndpoints.ATTEMPT_CONFIGURATION).errorHandler(noErrorHandler());
    }
}
