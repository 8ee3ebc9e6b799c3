package dev.socialticker.ticker.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The one dead-letter channel of outward deliveries: every output's and every alert channel's. */
@Component
public class DeliveryRoutes extends RouteBuilder {
    private final DeliveryDesk desk;

    public DeliveryRoutes(DeliveryDesk desk) {
        this.desk = desk;
    }

    @Override
    public void configure() {
        from(DeliveryEndpoints.DEAD_LETTER)
                .routeId("delivery-dead-letter")
                .process(exchange -> desk.recordFailed(exchange.getIn().getBody(DeadLetter.class)));
    }
}
