package dev.socialticker.ticker.token;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Tells the hub what is known of the providers' tokens ({@code domain.TokenChanged}): at start-up,
 * and every minute a token another instance of the fleet rotated (the shared mode). A refresh here,
 * or its failure, is told at once by {@link TokenStatus} itself.
 */
@Component
class TokenStatusRoutes extends RouteBuilder {
    private final TokenStatus status;

    TokenStatusRoutes(TokenStatus status) {
        this.status = status;
    }

    @Override
    public void configure() {
        from(TokenEndpoints.STATUS_TIMER).routeId("token-status").process(exchange -> status.publishChanges());
    }
}
