package dev.socialticker.ticker.provider.contract;

import dev.socialticker.ticker.domain.FailureCode;
import java.time.Duration;

/**
 * A failure a provider recognised in its upstream's answer, by its own error vocabulary (a
 * provider file's {@code errors} rules): the shared refresh route records it as is, with the
 * provider's message, instead of judging the answer by its HTTP status alone.
 *
 * @param httpStatus the status the upstream answered with
 * @param retryable  worth another attempt within the same refresh
 * @param wait       how long the upstream asked to be left alone; null when it did not say
 */
public class ProviderFailure extends RuntimeException {
    private final FailureCode code;
    private final int httpStatus;
    private final boolean retryable;
    private final transient Duration wait;

    public ProviderFailure(FailureCode code, String message, int httpStatus, boolean retryable, Duration wait) {
        this(code, message, httpStatus, retryable, wait, null);
    }

    /**
     * @param answer the upstream's answer as camel-http reports a failed call (status and headers),
     *               for what is generic in it: when the provider found no wait of its own, the shared
     *               classifier still reads {@code Retry-After} and rate-limit headers from it
     */
    public ProviderFailure(
            FailureCode code, String message, int httpStatus, boolean retryable, Duration wait, Throwable answer) {
        super(message, answer, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.wait = wait;
    }

    /** The same failure, carrying the upstream's answer (see the constructor). */
    public ProviderFailure answeredBy(Throwable answer) {
        return new ProviderFailure(code, getMessage(), httpStatus, retryable, wait, answer);
    }

    public FailureCode code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration waitFor() {
        return wait;
    }
}
