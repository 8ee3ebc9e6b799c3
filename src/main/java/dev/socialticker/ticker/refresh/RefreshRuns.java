package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts, times and ends every {@link RefreshRun}: the hard deadline that makes a refresh end within
 * {@code ticker.refresh.retry.give-up-after} whatever a lower layer does, and the prompt stop.
 * <ol>
 *   <li>At the deadline the run's upstream calls are aborted; the refresh fails at once and its
 *       dead-letter route records {@code TIMEOUT} as usual.</li>
 *   <li>{@value #GRACE_MILLIS} ms later, a run that still has not ended (stuck where no abort
 *       reaches: a DNS lookup, a provider route that blocks) is taken over: {@code TIMEOUT} is
 *       recorded for it, its gate released, and whatever it returns later is dropped.</li>
 *   <li>When the service stops, every run is abandoned: calls aborted, nothing written.</li>
 * </ol>
 * Written by hand because no Camel EIP bounds a synchronous route and aborts its I/O: a circuit
 * breaker's time limiter returns on time but leaves the call running and the connection held.
 */
@Component
class RefreshRuns {
    static final long GRACE_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RefreshRuns.class);

    private final RefreshGate gate;
    private final FailureRecorder recorder;
    private final ProducerTemplate producer;
    private final Duration budget;
    private final Set<RefreshRun> open = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "ticker-refresh-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    RefreshRuns(RefreshGate gate, FailureRecorder recorder, ProducerTemplate producer, RefreshProperties properties) {
        this.gate = gate;
        this.recorder = recorder;
        this.producer = producer;
        this.budget = properties.retry().giveUpAfter();
        // Most runs end long before their deadline: their timers leave the queue when cancelled.
        timers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Admits the source in the body through the gate and starts its run (exchange property
     * {@value RefreshRun#PROPERTY}); false when the gate says not now, or the service is stopping.
     */
    public boolean start(Exchange exchange) {
        TickerSource source = exchange.getIn().getBody(TickerSource.class);
        boolean scheduled = exchange.getProperty(RefreshHeaders.SCHEDULED, false, Boolean.class);
        if (stopping || !gate.tryAcquire(source.id(), scheduled)) {
            return false;
        }
        RefreshRun run = new RefreshRun(source, budget, () -> gate.release(source.id()));
        open.add(run);
        run.schedule(
                timers.schedule(run::expire, budget.toMillis(), TimeUnit.MILLISECONDS),
                timers.schedule(() -> timeOut(run), budget.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS));
        exchange.setProperty(RefreshRun.PROPERTY, run);
        return true;
    }

    /** The refresh route is done with the run (stored, recorded or dropped). */
    void end(Exchange exchange) {
        RefreshRun run = runOf(exchange);
        run.end();
        open.remove(run);
    }

    static RefreshRun runOf(Exchange exchange) {
        RefreshRun run = exchange.getProperty(RefreshRun.PROPERTY, RefreshRun.class);
        if (run == null) {
            throw new IllegalStateException("No refresh run on exchange " + exchange.getExchangeId());
        }
        return run;
    }

    private void timeOut(RefreshRun run) {
        if (!run.tryTimeOut()) {
            return;
        }
        log.warn(
                "Refresh of source {} did not end within its {} budget; recording TIMEOUT in its place",
                run.source().id(),
                run.budgetText());
        Failure failure = recorder.timedOut(run);
        try {
            producer.send(StoreEndpoints.STORE_FAILURE, exchange -> {
                exchange.setProperty(RefreshRun.PROPERTY, run);
                exchange.getIn().setBody(failure);
            });
        } finally {
            run.releaseGate();
            open.remove(run);
        }
    }

    /**
     * Spring publishes this before it stops anything: runs in flight are abandoned first, so Camel's
     * graceful shutdown finds them ending within milliseconds instead of waiting for upstreams.
     */
    @WhenTheServiceStops
    void abandonAll() {
        stopping = true;
        if (!open.isEmpty()) {
            log.info("Stopping: abandoning {} refresh(es) in flight; nothing of them is stored", open.size());
        }
        open.forEach(RefreshRun::abandon);
        timers.shutdownNow();
    }
}
