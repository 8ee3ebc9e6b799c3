package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.store.StoreEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history's routes: a subscriber of the store's changes that records each count (and hands a
 * milestone crossed for the first time to {@link HistoryEndpoints#MILESTONES}), and the scheduled
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
        // Always consumed, so the store's queue never fills; records nothing with history off.
        from(StoreEndpoints.SOURCE_CHANGED)
                .routeId("history-record")
                .process(exchange -> exchange.getIn().setBody(
                        book.record(exchange.getIn().getBody(SourceChanged.class)).orElse(null)))
                .filter(body().isNotNull())
                    .log("${body.source.id} crossed the milestone ${body.milestone} (count ${body.count})")
                    .to(HistoryEndpoints.MILESTONES)
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
