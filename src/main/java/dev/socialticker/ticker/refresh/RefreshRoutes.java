package dev.socialticker.ticker.refresh;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.ETAG;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROVIDER;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The refresh pipeline. Every trigger hands a list of sources to {@code direct:refresh-sources}
 * (the timer its tick, a stale read through {@link RefreshDemand}, the admin API its request); the
 * due ones wait for a refresh thread ({@link RefreshQueue}), pass the {@link RefreshGate}
 * (single-flight, min-interval) and start a
 * {@link RefreshRun} (its identity and hard deadline); then one attempt asks its provider and stores
 * the result the provider returns, or ends in the dead-letter route that records why not.
 */
@Component
class RefreshRoutes extends RouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(RefreshRoutes.class);
    private final RefreshSchedule schedule;
    private final SourceCatalog catalog;
    private final RefreshRuns runs;
    private final RetryPolicy retryPolicy;
    private final FailureRecorder failureRecorder;
    private final SnapshotStore store;
    private final RefreshQueue queue;
    private final RefreshDemand demand;
    private final int concurrency;

    RefreshRoutes(
            RefreshSchedule schedule,
            SourceCatalog catalog,
            RefreshRuns runs,
            RetryPolicy retryPolicy,
            FailureRecorder failureRecorder,
            SnapshotStore store,
            RefreshQueue queue,
            RefreshDemand demand,
            RefreshProperties properties) {
        this.store = store;
        this.queue = queue;
        this.demand = demand;
        this.concurrency = properties.concurrency();
        this.schedule = schedule;
        this.catalog = catalog;
        this.runs = runs;
        this.retryPolicy = retryPolicy;
        this.failureRecorder = failureRecorder;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // The tick is handed over and done: the timer never waits on an upstream, and a slow source
        // cannot delay the next tick of the others (each source is single-flight at the gate).
        from(RefreshEndpoints.timer(schedule.period().toMillis(), schedule.initialDelay().toMillis()))
                .routeId("refresh-timer")
                .setProperty(RefreshHeaders.SCHEDULED, constant(true))
                .process(exchange -> exchange.getIn().setBody(catalog.all()))
                .wireTap(RefreshEndpoints.REFRESH_SOURCES);

        // Stale reads ask here (RefreshDemand), one request at a time: the others were dropped or
        // never sent. The refresher, not the read, decides what to call.
        from(RefreshEndpoints.REFRESH_WANTED)
                .routeId("refresh-wanted")
                .bean(demand, "taken")
                .setBody(exchangeProperty(RefreshHeaders.STALE_SOURCES))
                .to(RefreshEndpoints.REFRESH_SOURCES)
                .bean(demand, "settled");

        // Sources are independent: each runs on a refresh thread, within its own budget; at most
        // ticker.refresh.concurrency at once, the rest waiting in the pool's queue, each source at
        // most once (RefreshQueue). Returns when every one has ended; callers that must not wait
        // (timer, admin) wire-tap it.
        ExecutorService refreshThreads = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "ticker-refresh", concurrency);
        from(RefreshEndpoints.REFRESH_SOURCES)
                .routeId("refresh-sources")
                .setBody(method(queue, "admit"))
                .split(body()).parallelProcessing().executorService(refreshThreads)
                    .bean(queue, "taken")
                    .to(RefreshEndpoints.REFRESH_SOURCE)
                .end();

        from(RefreshEndpoints.REFRESH_SOURCE)
                .routeId("refresh-source")
                .filter(method(runs, "start"))
                    .doTry()
                        .process(this::providerRequest)
                        .to(RefreshEndpoints.REFRESH_ATTEMPT)
                    .doFinally()
                        .process(runs::end)
                    .end()
                .end();

        from(RefreshEndpoints.REFRESH_ATTEMPT)
                .routeId("refresh-attempt")
                .errorHandler(deadLetterChannel(RefreshEndpoints.RECORD_FAILURE)
                        .retryWhile(method(retryPolicy, "shouldRetry"))
                        // A stopping service does not wait out a backoff: the run is abandoned anyway.
                        .allowRedeliveryWhileStopping(false)
                        // Failures are logged once, masked, by the dead-letter route.
                        .logExhausted(false).logRetryAttempted(false).logStackTrace(false).logHandled(false))
                // The provider is picked by the run's source, not by a header a provider could change.
                // block=false: a provider whose file was removed fails at once instead of waiting 30 s.
                .toD(ProviderEndpoints.of("${exchangeProperty." + RefreshRun.PROPERTY + ".source.provider}") + "?block=false")
                // A provider returns its result (routes/README.md); storing it is the refresh's job.
                .to(StoreEndpoints.STORE_SNAPSHOT)
                .process(RefreshRoutes::logSuccess);

        // A run that timed out or was abandoned has had its outcome written (or dropped) already.
        from(RefreshEndpoints.RECORD_FAILURE)
                .routeId("record-failure")
                .filter(exchange -> RefreshRuns.runOf(exchange).tryCommit())
                    .process(failureRecorder)
                    .to(StoreEndpoints.STORE_FAILURE)
                .end();
    }
    // spotless:on

    /** The success's line (a failure's is the dead-letter route's): one line per attempt in all. */
    private static void logSuccess(Exchange exchange) {
        RefreshRun run = RefreshRuns.runOf(exchange);
        log.info(
                "Refresh of source {} ({}) succeeded at attempt {} in {} ms",
                run.source().id(),
                run.source().provider(),
                run.failedAttempts() + 1,
                run.elapsed().toMillis());
    }

    /**
     * Starts the run's message clean: the trigger's headers (an HTTP request's, say) must never
     * travel to an upstream. The provider reads the source from these headers; the store never does.
     */
    private void providerRequest(Exchange exchange) {
        TickerSource source = RefreshRuns.runOf(exchange).source();
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(SOURCE_ID, source.id());
        exchange.getIn().setHeader(PROVIDER, source.provider());
        exchange.getIn().setHeader(ACCOUNT, source.account());
        Snapshot last = store.stateOf(source).snapshot();
        if (last != null && last.etag() != null) {
            exchange.getIn().setHeader(ETAG, last.etag());
        }
        exchange.getIn().setBody(null);
    }
}
