package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceTurnedStale;
import dev.socialticker.ticker.event.EventEndpoints;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The outputs' own routes: the hub's subscriber that feeds them, the tick, and the dead-letter
 * channel.
 */
@Component
class OutputRoutes extends RouteBuilder {
    private final OutputFeed feed;
    private final OutputHealth health;

    OutputRoutes(OutputFeed feed, OutputHealth health) {
        this.feed = feed;
        this.health = health;
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

        from(OutputEndpoints.DEAD_LETTER)
                .routeId("output-dead-letter")
                .process(exchange -> health.failed(exchange.getIn().getBody(DeadLetter.class)))
                .log(LoggingLevel.WARN, "Output '${body.output}' failed to push ${body.sourceId} (count ${body.count})"
                        + " after ${body.attempts} attempts: ${body.code}, ${body.message}");
    }
    // spotless:on
}
