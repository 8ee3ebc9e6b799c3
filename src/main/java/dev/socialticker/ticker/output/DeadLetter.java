package dev.socialticker.ticker.output;

import java.time.Instant;

/**
 * A push that failed for good, after its retries: what the output's dead-letter channel records
 * (route {@code output-dead-letter}) and its health shows.
 *
 * @param count      the count it carried; null for a source announced without one
 * @param code       UNREACHABLE, TIMEOUT, REJECTED (an HTTP 4xx), UNAVAILABLE (an HTTP 5xx) or ERROR
 * @param message    why, in the words of the one delivery classifier ({@code delivery.DeliveryFailures}):
 *                   host and port, never an exception's message nor a URL's path, query or user info
 * @param httpStatus the output's HTTP status, when it answered
 * @param attempts   calls made
 */
public record DeadLetter(
        String output,
        String sourceId,
        Long count,
        String code,
        String message,
        Instant at,
        Integer httpStatus,
        int attempts) {}
