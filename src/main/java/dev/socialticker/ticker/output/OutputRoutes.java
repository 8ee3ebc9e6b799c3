package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.event.EventEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The outputs' own routes: the hub's subscriber that feeds them, and the tick. What an output gives
 * up goes to the one dead-letter channel of every delivery ({@code delivery.DeliveryRoutes}).
 */
@Component
class OutputRoutes extends RouteBuilder {
    private final OutputFeed feed;

    OutputRoutes(OutputFeed feed) {
        this.feed = feed;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // Queues nothing without outputs.
        from(EventEndpoints.HUB)
                .routeId("output-events")
                .choice()
                    .when(body().isInstanceOf(SourceReported.class))
                        .process(exchange -> feed.reported(exchange.getIn().getBody(SourceReported.class)))
                    .when(body().isInstanceOf(SourceTurnedStale.class))
                        .process(exchange -> feed.turnedStale(exchange.getIn().getBody(SourceTurnedStale.class)))
                    .when(body().isInstanceOf(HistoryChanged.class))
                        .process(exchange -> feed.historyChanged(exchange.getIn().getBody(HistoryChanged.class)))
                .end();

        from(OutputEndpoints.TICK_TIMER)
                .routeId("output-tick-timer")
                .to(OutputEndpoints.TICK);

        from(OutputEndpoints.TICK)
                .routeId("output-tick")
                .process(exchange -> feed.tick());
    }
    // spotless:on
}
