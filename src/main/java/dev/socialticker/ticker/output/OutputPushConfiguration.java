package dev.socialticker.ticker.output;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling of every output route: none of its own. A failure returns to the output's
 * worker ({@link OutputQueues}), which retries it unless a newer state is waiting, then dead-letters it.
 */
@Component
class OutputPushConfiguration extends RouteConfigurationBuilder {
    @Override
    public void configuration() {
        routeConfiguration(OutputEndpoints.PUSH_CONFIGURATION).errorHandler(noErrorHandler());
    }
}
