package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * Why the latest refresh of a source failed. {@code message} is safe to show to anyone: it is
 * written by the service, never copied from an upstream body or an exception. {@code retryAt} is
 * the moment the upstream asked not to be called before (Retry-After, a quota's regain time), or
 * null: kept with the failure so a restarted instance honours it too.
 */
public record Failure(FailureCode code, String message, Instant at, Integer httpStatus, int attempts, Instant retryAt) {
    /** A failure after which the upstream named no wait. */
    public Failure(FailureCode code, String message, Instant at, Integer httpStatus, int attempts) {
        this(code, message, at, httpStatus, attempts, null);
    }
}
