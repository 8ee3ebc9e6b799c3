package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.FailureCode;
import java.time.Duration;

/**
 * How one failed upstream call is understood.
 *
 * @param retryable  worth another attempt within the same refresh (5xx, refused, timeout), unless
 *                   the upstream named a wait
 * @param retryAfter how long the upstream asked us to wait (Retry-After, a rate-limit reset, a provider
 *                   file's {@code wait}), or null; honoured by the gate, never slept through
 */
public record Classification(
        FailureCode code, String message, Integer httpStatus, boolean retryable, Duration retryAfter) {

    static Classification of(FailureCode code, String message, Integer httpStatus, boolean retryable) {
        return new Classification(code, message, httpStatus, retryable, null);
    }
}
