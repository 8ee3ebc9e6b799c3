package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.RetryAfter;
import dev.socialticker.ticker.provider.contract.AccountNotFoundException;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.provider.http.QuotaHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Maps whatever ended an upstream call to one of the contract's failure codes, for every provider,
 * by what is generic: HTTP status, {@code Retry-After}, {@code RateLimit-*}/{@code X-RateLimit-*},
 * connection failures and timeouts. What an upstream's error bodies mean is each provider file's
 * own knowledge ({@code errors} rules, arriving here as a {@link ProviderFailure}). Messages are
 * written here or in the provider file, never copied from the upstream or the exception, so they
 * cannot carry a token, a URL or a stack trace to a screen.
 */
@Component
public class FailureClassifier {
    /** Longer waits than this are taken as this: a bogus header must not freeze a source for years. */
    private final Clock clock;

    public FailureClassifier(Clock clock) {
        this.clock = clock;
    }

    public Classification classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Classification known = classifyOne(t);
            if (known != null) {
                return known;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Classification.of(
                FailureCode.UPSTREAM_UNAVAILABLE,
                "The refresh failed unexpectedly (" + failure.getClass().getSimpleName() + ")",
                null,
                false);
    }

    private Classification classifyOne(Throwable t) {
        if (t instanceof ProviderFailure recognised) {
            Duration wait = recognised.waitFor();
            if (wait == null && recognised.getCause() instanceof HttpOperationFailedException answer) {
                // The provider file named the failure but found no wait of its own (none declared, or
                // its path does not fit this answer): Retry-After or a spent rate limit may still say.
                wait = waitAskedFor(answer);
            }
            return new Classification(
                    recognised.code(),
                    recognised.getMessage(),
                    recognised.httpStatus(),
                    recognised.retryable(),
                    RetryAfter.capped(wait));
        }
        if (t instanceof HttpOperationFailedException http) {
            return classifyHttp(http);
        }
        if (t instanceof AccountNotFoundException notFound) {
            return Classification.of(
                    FailureCode.NOT_FOUND,
                    "The account was not found at the provider: " + notFound.getMessage(),
                    null,
                    false);
        }
        if (t instanceof DirectConsumerNotAvailableException) {
            // Only while a reloaded provider file replaces its route, or after a file was removed.
            return Classification.of(
                    FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider's route is not running (see /actuator/health)",
                    null,
                    true);
        }
        if (t instanceof PayloadRejectedException rejected) {
            return Classification.of(
                    FailureCode.INVALID_PAYLOAD,
                    "The provider's answer had no usable follower count: " + rejected.getMessage(),
                    null,
                    false);
        }
        if (isUnparseablePayload(t)) {
            return Classification.of(
                    FailureCode.INVALID_PAYLOAD,
                    "The provider's answer was not the JSON document expected",
                    null,
                    false);
        }
        if (t instanceof ConnectException) {
            return Classification.of(
                    FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider could not be reached (connection refused)",
                    null,
                    true);
        }
        // Connect and read timeouts of HttpClient 5 are both InterruptedIOExceptions.
        if (t instanceof InterruptedIOException) {
            return Classification.of(FailureCode.TIMEOUT, "The provider did not answer in time", null, true);
        }
        if (t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
            return Classification.of(
                    FailureCode.UPSTREAM_UNAVAILABLE, "The provider's host could not be reached", null, true);
        }
        if (t instanceof IOException) {
            return Classification.of(
                    FailureCode.UPSTREAM_UNAVAILABLE, "The connection to the provider failed", null, true);
        }
        return null;
    }

    /** JSON parsers of the JSONPath and Jackson libraries, recognised by name to stay library-neutral. */
    private static boolean isUnparseablePayload(Throwable t) {
        if (t instanceof com.fasterxml.jackson.core.JacksonException) {
            return true;
        }
        String name = t.getClass().getName();
        return name.equals("com.jayway.jsonpath.InvalidJsonException")
                || name.equals("net.minidev.json.parser.ParseException")
                || name.equals("org.apache.camel.ExpressionEvaluationException")
                || name.equals("org.apache.camel.InvalidPayloadException");
    }

    private Classification classifyHttp(HttpOperationFailedException http) {
        int status = http.getStatusCode();
        Map<String, String> headers = caseInsensitive(http.getResponseHeaders());
        Duration retryAfter = RetryAfter.parse(headers.get("Retry-After"), clock.instant());
        Duration rateLimitReset = QuotaHeaders.rateLimitReset(headers::get, clock.instant());
        if ((status == 403 || status == 429) && rateLimitReset != null) {
            // X-RateLimit-* (GitHub and others) or RateLimit-* (IETF draft; Bluesky): the limit is
            // spent, and the headers say when it resets.
            return new Classification(
                    FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP " + status + ", limit spent)",
                    status,
                    false,
                    retryAfter != null ? retryAfter : rateLimitReset);
        }
        if (status == 429) {
            return new Classification(
                    FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP 429)",
                    status,
                    false,
                    retryAfter);
        }
        if (status >= 500) {
            return new Classification(
                    FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider answered HTTP " + status + " (server error)",
                    status,
                    true,
                    retryAfter);
        }
        if (status == 401 || status == 403) {
            return Classification.of(
                    FailureCode.AUTH_FAILED,
                    "The provider rejected the credentials (HTTP " + status + ")",
                    status,
                    false);
        }
        if (status == 404 || status == 410) {
            return Classification.of(
                    FailureCode.NOT_FOUND,
                    "The account was not found at the provider (HTTP " + status + ")",
                    status,
                    false);
        }
        return Classification.of(
                FailureCode.UPSTREAM_UNAVAILABLE,
                "The provider refused the request (HTTP " + status + ")",
                status,
                false);
    }

    /** The wait an answer's generic headers ask for: Retry-After, else the reset of a spent rate limit. */
    private Duration waitAskedFor(HttpOperationFailedException answer) {
        Map<String, String> headers = caseInsensitive(answer.getResponseHeaders());
        Duration retryAfter = RetryAfter.parse(headers.get("Retry-After"), clock.instant());
        return retryAfter != null ? retryAfter : QuotaHeaders.rateLimitReset(headers::get, clock.instant());
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            map.putAll(headers);
        }
        return map;
    }
}
