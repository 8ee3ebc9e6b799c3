package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.event.EventEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history's routes: a subscriber of the hub that records each count of a {@link SourceChanged}
 * (the book publishes what changed, and a milestone crossed for the first time), and the scheduled
 * compaction.
 */
@Component
class HistoryRoutes extends RouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(HistoryRoutes.class);
    private final HistoryBook book;

    HistoryRoutes(HistoryBook book) {
        this.book = book;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // Records nothing with history off.
        from(EventEndpoints.HUB)
                .routeId("history-record")
                .filter(body().isInstanceOf(SourceChanged.class))
                    .process(exchange -> book.record(exchange.getIn().getBody(SourceChanged.class)))
                .end();

        from(HistoryEndpoints.compactTimer(book.settings().compactEvery().toMillis()))
                .routeId("history-compact-timer")
                .to(HistoryEndpoints.COMPACT);

        from(HistoryEndpoints.COMPACT)
                .routeId("history-compact")
                .process(exchange -> {
                    int dropped = book.compact();
                    if (dropped > 0) {
                        log.info("History compacted: {} points past their retention dropped", dropped);
                    }
                });
    }
    // spotless:on
}
