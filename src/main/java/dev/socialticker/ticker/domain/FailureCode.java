package dev.socialticker.ticker.domain;

/** The failure codes of the API contract; {@code NO_DATA} is reported, never recorded. */
public enum FailureCode {
    UPSTREAM_UNAVAILABLE,
    TIMEOUT,
    RATE_LIMITED,
    AUTH_FAILED,
    NOT_FOUND,
    INVALID_PAYLOAD,
    NO_DATA
}
