package dev.socialticker.ticker.output;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.store.StoreEndpoints;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The outputs' own routes: the change subscriber that feeds them, the tick, and the dead-letter
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
        // Always consumed, so the store's queue never fills; queues nothing without outputs.
        from(StoreEndpoints.SOURCE_CHANGED)
                .routeId("output-changes")
                .process(exchange -> feed.changed(exchange.getIn().getBody(SourceChanged.class)));

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
