package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.TickerHeaders;
import dev.socialticker.ticker.store.Failure;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of the dead-letter route: turns the exchange that exhausted its attempts into the
 * {@link Failure} the store keeps beside the last good snapshot, and makes the gate honour any
 * wait the upstream asked for.
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
        String sourceId = exchange.getIn().getHeader(TickerHeaders.SOURCE_ID, String.class);
        Classification classification = retryPolicy.classificationOf(exchange);
        int attempts = Math.max(1, exchange.getProperty(RetryPolicy.ATTEMPTS, 1, Integer.class));
        Instant now = clock.instant();
        if (classification.retryAfter() != null) {
            gate.deferUntil(sourceId, now.plus(classification.retryAfter()));
        }
        // The message is ours (see FailureClassifier): safe to log, unlike the exception's.
        log.warn("Refresh of source {} failed: {} after {} attempt(s): {}", sourceId, classification.code(),
                attempts, classification.message());
        // A payload failure has no HTTP error of its own: report the status the upstream answered with.
        Integer httpStatus = classification.httpStatus() != null ? classification.httpStatus()
                : exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        exchange.getIn().setBody(new Failure(classification.code(), classification.message(), now, httpStatus,
                attempts));
    }
}
