package dev.socialticker.ticker.delivery;

/**
 * Why one delivery attempt failed, as health, logs and dead letters show it.
 *
 * @param code       what kind of failure, for a dashboard or a rule
 * @param httpStatus the status the destination answered, when it answered over HTTP
 * @param reason     the words an operator acts on: what failed, where (host and port), which
 *                   setting to look at; never an exception's message, a URL's path, query or user
 *                   info, a password or a whole address ({@link DeliveryFailures})
 */
public record DeliveryFailure(Code code, Integer httpStatus, String reason) {

    public enum Code {
        /** The destination answered and refused: an HTTP 4xx or 3xx, a mail server's refusal, a login refused. */
        REJECTED,
        /** The destination answered that it cannot now: an HTTP 5xx. */
        UNAVAILABLE,
        /** No connection: an unknown host, a connection refused. */
        UNREACHABLE,
        /** No connection or no answer in time. */
        TIMEOUT,
        /** An answer with a success status, but not the service's (a proxy's page, a login page): not delivered. */
        UNEXPECTED,
        /** Anything else: named by the exceptions' types. */
        ERROR
    }
}
