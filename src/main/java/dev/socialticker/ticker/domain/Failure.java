package dev.socialticker.ticker.domain;

import java.time.Instant;

/**
 * Why the latest refresh of a source failed. {@code message} is safe to show to anyone: it is
 * written by the service, never copied from an upstream body or an exception.
 */
public record Failure(FailureCode code, String message, Instant at, Integer httpStatus, int attempts) {}
