package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code retryWhile} of the refresh dead-letter channel: the one place in the service that
 * decides whether, and after how long, a failed upstream call is tried again (the HTTP client's own
 * retries are off, see {@link UpstreamCallControl}). Camel evaluates it after every failed attempt
 * and, when it says yes, waits for the {@code CamelRedeliveryDelay} header before trying again:
 * <ul>
 *   <li>only transient failures (5xx, refused, timeout) are retried, at most
 *       {@code ticker.refresh.retry.max-attempts} attempts, with exponential backoff;</li>
 *   <li>never when the upstream names a wait (Retry-After, a rate-limit reset, a provider file's
 *       {@code wait}): that wait is honoured by the gate, which lets no call through before then,
 *       never by sleeping inside a refresh (the contract); the failure is recorded at once;</li>
 *   <li>only when the backoff and a worst-case next attempt (connect + read timeout) fit in what is
 *       left of the run's budget.</li>
 * </ul>
 */
@Component
class RetryPolicy {
    private static final String CLASSIFIED = "TickerClassification";
    private static final String CLASSIFIED_EXCEPTION = "TickerClassifiedException";

    private final FailureClassifier classifier;
    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    private final RefreshProperties refresh;
    private final ProviderProperties providers;

    RetryPolicy(FailureClassifier classifier, RefreshProperties refresh, ProviderProperties providers) {
        this.classifier = classifier;
        this.refresh = refresh;
        this.providers = providers;
    }

    /** Called once per failed attempt: counts it and says whether to try again. */
    public boolean shouldRetry(Exchange exchange) {
        RefreshRun run = RefreshRuns.runOf(exchange);
        int attempts = run.countFailedAttempt();
        Classification failure = classificationOf(exchange);
        RefreshProperties.Retry retry = refresh.retry();
        if (run.isOver() || !failure.retryable() || failure.retryAfter() != null || attempts >= retry.maxAttempts()) {
            return false;
        }
        Duration delay = retry.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        ProviderProperties.Provider provider = providers.of(run.source().provider());
        Duration worstNextAttempt = provider.connectTimeout().plus(provider.readTimeout());
        if (delay.plus(worstNextAttempt).compareTo(run.remaining()) > 0) {
            return false;
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay.toMillis());
        // One line per attempt: the last one (failed or not) is logged where its outcome is recorded.
        log.info(
                "Refresh attempt {} of source {} ({}) failed: {} at {} ms; trying again in {} ms",
                attempts,
                run.source().id(),
                run.source().provider(),
                failure.code(),
                run.elapsed().toMillis(),
                delay.toMillis());
        return true;
    }

    /**
     * The classification of the exchange's current failure, computed once per exception. Once the
     * run's budget has run out, whatever ended the attempt (typically the abort itself) is a TIMEOUT.
     */
    Classification classificationOf(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure != null && failure == exchange.getProperty(CLASSIFIED_EXCEPTION)) {
            return exchange.getProperty(CLASSIFIED, Classification.class);
        }
        RefreshRun run = exchange.getProperty(RefreshRun.PROPERTY, RefreshRun.class);
        Classification classification;
        if (run != null && run.expired()) {
            classification = Classification.of(FailureCode.TIMEOUT, budgetSpent(run), null, false);
        } else if (failure == null) {
            classification =
                    Classification.of(FailureCode.UPSTREAM_UNAVAILABLE, "The refresh failed unexpectedly", null, false);
        } else {
            classification = classifier.classify(failure);
        }
        exchange.setProperty(CLASSIFIED_EXCEPTION, failure);
        exchange.setProperty(CLASSIFIED, classification);
        return classification;
    }

    static String budgetSpent(RefreshRun run) {
        return "The refresh did not finish within its " + run.budgetText()
                + " budget (ticker.refresh.retry.give-up-after)";
    }
}
