package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.FailureCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a refresh that ended without a count into the {@link Failure} the store keeps beside the last
 * good snapshot, and makes the gate honour any wait the upstream asked for: as the dead-letter
 * route's first step, or for a run that outlived its budget ({@link RefreshRuns}).
 */
@Component
class FailureRecorder implements Processor {
    private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

    private final RetryPolicy retryPolicy;
    private final RefreshGate gate;
    private final Clock clock;

    FailureRecorder(RetryPolicy retryPolicy, RefreshGate gate, Clock clock) {
        this.retryPolicy = retryPolicy;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        // The failed request's query and Authorization (which carry credentials) go no further.
        exchange.getIn().removeHeader(Exchange.HTTP_QUERY);
        exchange.getIn().removeHeader("Authorization");
        RefreshRun run = RefreshRuns.runOf(exchange);
        String sourceId = run.source().id();
        Classification classification = retryPolicy.classificationOf(exchange);
        int attempts = Math.max(1, run.failedAttempts());
        Instant now = clock.instant();
        String message = classification.message();
        Instant notBefore = null;
        if (classification.retryAfter() != null) {
            // Honoured by the gate, whoever asks next; said in the message so a reader knows when, and
            // kept with the failure so a restart honours it too (RefreshGate reads it back at start).
            notBefore = now.plus(classification.retryAfter());
            gate.deferUntil(sourceId, notBefore);
            message += "; next call not before " + notBefore.truncatedTo(ChronoUnit.SECONDS);
        }
        // The message is ours (see FailureClassifier): safe to log, unlike the exception's.
        log.warn(
                "Refresh of source {} ({}) failed: {} after {} attempt(s) in {} ms: {}",
                sourceId,
                run.source().provider(),
                classification.code(),
                attempts,
                run.elapsed().toMillis(),
                message);
        // A payload failure has no HTTP error of its own: report the status the upstream answered with.
        Integer httpStatus = classification.httpStatus() != null
                ? classification.httpStatus()
                : exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        exchange.getIn().setBody(new Failure(classification.code(), message, now, httpStatus, attempts, notBefore));
    }

    /** The failure of a run that did not end within its budget: the attempt in flight counts. */
    Failure timedOut(RefreshRun run) {
        return new Failure(
                FailureCode.TIMEOUT, RetryPolicy.budgetSpent(run), clock.instant(), null, run.failedAttempts() + 1);
    }
}
