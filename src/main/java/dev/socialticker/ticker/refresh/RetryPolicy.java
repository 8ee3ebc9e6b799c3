package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.TickerHeaders;
import dev.socialticker.ticker.config.TickerProperties;
import dev.socialticker.ticker.store.FailureCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The {@code retryWhile} of the refresh dead-letter channel. Camel evaluates it after every failed
 * attempt and, when it says yes, waits for the {@code CamelRedeliveryDelay} header before trying
 * again; so this one place decides whether, and after how long, a refresh is retried:
 * <ul>
 *   <li>only transient failures (5xx, refused, timeout, 429 with Retry-After) are retried;</li>
 *   <li>at most {@code ticker.refresh.retry.max-attempts} attempts, with exponential backoff, or
 *       the upstream's Retry-After when it gives one;</li>
 *   <li>never past {@code ticker.refresh.retry.give-up-after}, counting a worst-case next attempt
 *       (connect + read timeout), so a refresh always ends within that budget.</li>
 * </ul>
 */
@Component
class RetryPolicy {
    static final String STARTED_AT = "TickerRefreshStartedAt";
    static final String ATTEMPTS = "TickerAttempts";
    private static final String CLASSIFIED = "TickerClassification";
    private static final String CLASSIFIED_EXCEPTION = "TickerClassifiedException";

    private final FailureClassifier classifier;
    private final TickerProperties properties;
    private final Clock clock;

    RetryPolicy(FailureClassifier classifier, TickerProperties properties, Clock clock) {
        this.classifier = classifier;
        this.properties = properties;
        this.clock = clock;
    }

    void markStart(Exchange exchange) {
        exchange.setProperty(STARTED_AT, clock.instant());
        exchange.setProperty(ATTEMPTS, 0);
    }

    /** Called once per failed attempt: counts it and says whether to try again. */
    public boolean shouldRetry(Exchange exchange) {
        int attempts = exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPTS, attempts);
        Classification failure = classificationOf(exchange);
        TickerProperties.Retry retry = properties.refresh().retry();
        if (!failure.retryable() || attempts >= retry.maxAttempts()) {
            return false;
        }
        Duration delay = failure.retryAfter() != null
                ? failure.retryAfter()
                : retry.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        TickerProperties.Provider provider =
                properties.provider(exchange.getIn().getHeader(TickerHeaders.PROVIDER, String.class));
        Duration worstNextAttempt = provider.connectTimeout().plus(provider.readTimeout());
        Instant startedAt = exchange.getProperty(STARTED_AT, Instant.class);
        Duration elapsed = startedAt == null ? Duration.ZERO : Duration.between(startedAt, clock.instant());
        if (elapsed.plus(delay).plus(worstNextAttempt).compareTo(retry.giveUpAfter()) > 0) {
            return false;
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay.toMillis());
        return true;
    }

    /** The classification of the exchange's current failure, computed once per exception. */
    Classification classificationOf(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure != null && failure == exchange.getProperty(CLASSIFIED_EXCEPTION)) {
            return exchange.getProperty(CLASSIFIED, Classification.class);
        }
        Classification classification = failure == null
                ? Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                        "The refresh failed unexpectedly", null, false)
                : classifier.classify(failure);
        exchange.setProperty(CLASSIFIED_EXCEPTION, failure);
        exchange.setProperty(CLASSIFIED, classification);
        return classification;
    }
}
