package dev.socialticker.ticker.refresh;

import static dev.socialticker.ticker.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.TickerHeaders.ETAG;
import static dev.socialticker.ticker.TickerHeaders.PROVIDER;
import static dev.socialticker.ticker.TickerHeaders.SOURCE_ID;
import static dev.socialticker.ticker.TickerHeaders.STALE_SOURCES;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.RefreshSchedule;
import dev.socialticker.ticker.config.TickerSource;
import dev.socialticker.ticker.store.PayloadRejectedException;
import dev.socialticker.ticker.store.Snapshot;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.store.StoreRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The refresh pipeline. Every trigger sends a list of sources to {@code direct:refresh-sources};
 * each source passes the {@link RefreshGate} (single-flight, min-interval) and then one attempt
 * runs its provider and stores the result, or ends in the dead-letter route that records why not.
 */
@Component
class RefreshRoutes extends RouteBuilder {
    /** Exchange property marking the timer's own refreshes (see {@link RefreshGate}). */
    private static final String SCHEDULED = "TickerScheduled";
    private static final String GATE_KEY = "TickerGateKey";

    private final RefreshSchedule schedule;
    private final SourceCatalog catalog;
    private final RefreshGate gate;
    private final RetryPolicy retryPolicy;
    private final FailureRecorder failureRecorder;
    private final SnapshotStore store;

    RefreshRoutes(RefreshSchedule schedule, SourceCatalog catalog, RefreshGate gate, RetryPolicy retryPolicy,
            FailureRecorder failureRecorder, SnapshotStore store) {
        this.store = store;
        this.schedule = schedule;
        this.catalog = catalog;
        this.gate = gate;
        this.retryPolicy = retryPolicy;
        this.failureRecorder = failureRecorder;
    }

    @Override
    public void configure() {
        from("timer:refresh?period=" + schedule.period().toMillis() + "&delay=" + schedule.initialDelay().toMillis())
                .routeId("refresh-timer")
                .setProperty(SCHEDULED, constant(true))
                .process(exchange -> exchange.getIn().setBody(catalog.all()))
                .to("direct:refresh-sources");

        // Wire-tapped by GET /api/metrics when it served stale data.
        from("direct:refresh-stale")
                .routeId("refresh-stale")
                .setBody(header(STALE_SOURCES))
                .to("direct:refresh-sources");

        // Sources are independent: one slow upstream must not hold back the others.
        from("direct:refresh-sources")
                .routeId("refresh-sources")
                .split(body()).parallelProcessing()
                    .to("direct:refresh-source")
                .end();

        from("direct:refresh-source")
                .routeId("refresh-source")
                .process(this::sourceToHeaders)
                .filter(exchange -> gate.tryAcquire(gateKey(exchange),
                        exchange.getProperty(SCHEDULED, false, Boolean.class)))
                    .doTry()
                        .to("direct:refresh-attempt")
                    .doFinally()
                        .process(exchange -> gate.release(gateKey(exchange)))
                    .end()
                .end();

        from("direct:refresh-attempt")
                .routeId("refresh-attempt")
                .errorHandler(deadLetterChannel("direct:record-failure")
                        .retryWhile(method(retryPolicy, "shouldRetry"))
                        // Failures are logged once, masked, by the dead-letter route.
                        .logExhausted(false).logRetryAttempted(false).logStackTrace(false).logHandled(false))
                .process(retryPolicy::markStart)
                // The provider ends at direct:store-metrics (routes/README.md); one that returns
                // without storing would otherwise fail in silence.
                // block=false: a provider whose file was removed fails at once instead of waiting 30 s.
                .toD("direct:provider-${header." + PROVIDER + "}?block=false")
                .process(RefreshRoutes::checkStored);

        from("direct:record-failure")
                .routeId("record-failure")
                .process(failureRecorder)
                .to("direct:store-failure");
    }

    /**
     * Starts each refresh from a clean message: the trigger's headers (an HTTP request's, say)
     * must never travel to an upstream.
     */
    private void sourceToHeaders(Exchange exchange) {
        TickerSource source = exchange.getIn().getBody(TickerSource.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(SOURCE_ID, source.id());
        exchange.getIn().setHeader(PROVIDER, source.provider());
        exchange.getIn().setHeader(ACCOUNT, source.account());
        Snapshot last = store.stateOf(source).snapshot();
        if (last != null && last.etag() != null) {
            exchange.getIn().setHeader(ETAG, last.etag());
        }
        exchange.getIn().setBody(null);
        exchange.setProperty(GATE_KEY, source.id());
    }

    /** The source the gate admitted, kept apart from headers a provider route can change. */
    private static String gateKey(Exchange exchange) {
        return exchange.getProperty(GATE_KEY, String.class);
    }

    private static void checkStored(Exchange exchange) {
        if (!exchange.getProperty(StoreRoutes.STORED, false, Boolean.class)) {
            throw new PayloadRejectedException("the provider route ended without handing a count to direct:store-metrics");
        }
    }

}
