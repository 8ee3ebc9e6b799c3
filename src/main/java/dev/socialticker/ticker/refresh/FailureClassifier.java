package dev.socialticker.ticker.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.HttpDates;
import dev.socialticker.ticker.store.FailureCode;
import dev.socialticker.ticker.store.AccountNotFoundException;
import dev.socialticker.ticker.store.PayloadRejectedException;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.socialticker.ticker.provider.QuotaHeaders;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Maps whatever ended an upstream call to one of the contract's failure codes, shared by every
 * provider: HTTP status first, refined by the error shapes the built-in upstreams document (Graph
 * API codes, Google API reasons, rate-limit headers, XRPC "not found"), so a provider file needs
 * no error handling of its own. Messages are written here, never copied from the upstream or the exception, so they
 * cannot carry a token, a URL or a stack trace to a screen.
 */
@Component
class FailureClassifier {
    /** Graph API error codes meaning "rate limited": app, user, page and custom limits. */
    private static final Set<Integer> GRAPH_RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    private static final int GRAPH_INVALID_TOKEN = 190;
    /** Graph API "object does not exist" (code 100, subcode 33): the account id is wrong. */
    private static final int GRAPH_INVALID_PARAMETER = 100;
    private static final int GRAPH_MISSING_OBJECT_SUBCODE = 33;
    /** Google API error reasons (YouTube Data API and others) meaning "quota or rate limit spent". */
    private static final Set<String> GOOGLE_RATE_LIMIT_REASONS = Set.of("quotaExceeded", "rateLimitExceeded",
            "userRateLimitExceeded", "dailyLimitExceeded", "RATE_LIMIT_EXCEEDED");
    /** Google API error reasons meaning "the API key is wrong". */
    private static final Set<String> GOOGLE_AUTH_REASONS = Set.of("keyInvalid", "keyExpired", "API_KEY_INVALID");

    private final ObjectMapper json;
    private final Clock clock;

    FailureClassifier(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    Classification classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Classification known = classifyOne(t);
            if (known != null) {
                return known;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                "The refresh failed unexpectedly (" + failure.getClass().getSimpleName() + ")", null, false);
    }

    private Classification classifyOne(Throwable t) {
        if (t instanceof HttpOperationFailedException http) {
            return classifyHttp(http);
        }
        if (t instanceof AccountNotFoundException notFound) {
            return Classification.of(FailureCode.NOT_FOUND,
                    "The account was not found at the provider: " + notFound.getMessage(), null, false);
        }
        if (t instanceof DirectConsumerNotAvailableException) {
            // Only while a reloaded provider file replaces its route, or after a file was removed.
            return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider's route is not running (see /actuator/health)", null, true);
        }
        if (t instanceof PayloadRejectedException rejected) {
            return Classification.of(FailureCode.INVALID_PAYLOAD,
                    "The provider's answer had no usable follower count: " + rejected.getMessage(), null, false);
        }
        if (isUnparseablePayload(t)) {
            return Classification.of(FailureCode.INVALID_PAYLOAD,
                    "The provider's answer was not the JSON document expected", null, false);
        }
        if (t instanceof ConnectException) {
            return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider could not be reached (connection refused)", null, true);
        }
        // Connect and read timeouts of HttpClient 5 are both InterruptedIOExceptions.
        if (t instanceof InterruptedIOException) {
            return Classification.of(FailureCode.TIMEOUT, "The provider did not answer in time", null, true);
        }
        if (t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
            return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider's host could not be reached", null, true);
        }
        if (t instanceof IOException) {
            return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                    "The connection to the provider failed", null, true);
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
        Duration retryAfter = parseRetryAfter(headers.get("Retry-After"));
        Integer graphCode = graphErrorCode(http.getResponseBody());
        if (graphCode != null && GRAPH_RATE_LIMIT_CODES.contains(graphCode)) {
            Duration regain = QuotaHeaders.regainAccess(headers.get(QuotaHeaders.BUSINESS_USE_CASE));
            return new Classification(FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (Graph API error " + graphCode + ")", status, false,
                    retryAfter != null ? retryAfter : capped(regain));
        }
        if (graphCode != null && graphCode == GRAPH_INVALID_TOKEN) {
            return Classification.of(FailureCode.AUTH_FAILED,
                    "The access token was rejected (Graph API error 190): a new token is needed", status, false);
        }
        if (graphCode != null && graphCode == GRAPH_INVALID_PARAMETER
                && graphSubcode(http.getResponseBody()) == GRAPH_MISSING_OBJECT_SUBCODE) {
            return Classification.of(FailureCode.NOT_FOUND,
                    "The account was not found at the provider (Graph API error 100/33)", status, false);
        }
        Duration rateLimitReset = QuotaHeaders.rateLimitReset(headers::get, clock.instant());
        if (status == 403 && retryAfter != null) {
            // GitHub's secondary rate limits: 403 with Retry-After and a limit that is not spent.
            return new Classification(FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP 403 with Retry-After)", status, false, retryAfter);
        }
        if ((status == 403 || status == 429) && rateLimitReset != null) {
            // GitHub (X-RateLimit-*) and Bluesky (RateLimit-*): limit spent, with the moment it resets.
            return new Classification(FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP " + status + ", limit spent)", status, false,
                    retryAfter != null ? retryAfter : capped(rateLimitReset));
        }
        String googleReason = googleErrorReason(http.getResponseBody());
        if (googleReason != null && GOOGLE_RATE_LIMIT_REASONS.contains(googleReason)) {
            return new Classification(FailureCode.RATE_LIMITED,
                    "The provider's quota or rate limit was reached (" + googleReason + ")", status, false, retryAfter);
        }
        if (googleReason != null && GOOGLE_AUTH_REASONS.contains(googleReason)) {
            return Classification.of(FailureCode.AUTH_FAILED,
                    "The provider rejected the API key (" + googleReason + ")", status, false);
        }
        if (status == 400 && saysNotFound(http.getResponseBody())) {
            // XRPC (Bluesky) answers an unknown actor with 400 {"error":"InvalidRequest","message":"Profile not found"}.
            return Classification.of(FailureCode.NOT_FOUND,
                    "The account was not found at the provider (HTTP 400)", status, false);
        }
        if (status == 429) {
            // Retried only when the upstream says when, and that moment fits this refresh's budget.
            return new Classification(FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP 429)", status, retryAfter != null, retryAfter);
        }
        if (status >= 500) {
            return new Classification(FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider answered HTTP " + status + " (server error)", status, true, retryAfter);
        }
        if (status == 401 || status == 403) {
            return Classification.of(FailureCode.AUTH_FAILED,
                    "The provider rejected the credentials (HTTP " + status + ")", status, false);
        }
        if (status == 404 || status == 410) {
            return Classification.of(FailureCode.NOT_FOUND,
                    "The account was not found at the provider (HTTP " + status + ")", status, false);
        }
        return Classification.of(FailureCode.UPSTREAM_UNAVAILABLE,
                "The provider refused the request (HTTP " + status + ")", status, false);
    }

    /** The first {@code error.errors[].reason} of a Google API error, or its ErrorInfo reason. */
    private String googleErrorReason(String body) {
        JsonNode error = errorObject(body);
        String reason = error.path("errors").path(0).path("reason").asText(null);
        for (JsonNode detail : error.path("details")) {
            if (detail.path("reason").isTextual()) {
                String info = detail.path("reason").asText();
                if (GOOGLE_AUTH_REASONS.contains(info) || GOOGLE_RATE_LIMIT_REASONS.contains(info)) {
                    return info;
                }
            }
        }
        return reason;
    }

    private boolean saysNotFound(String body) {
        JsonNode root = parse(body);
        String text = (root.path("error").isTextual() ? root.path("error").asText() : "") + " "
                + root.path("message").asText("");
        return text.toLowerCase(java.util.Locale.ROOT).contains("not found");
    }

    private Integer graphErrorCode(String body) {
        JsonNode code = errorObject(body).path("code");
        return code.isInt() ? code.intValue() : null;
    }

    private int graphSubcode(String body) {
        return errorObject(body).path("error_subcode").asInt(-1);
    }

    /** The {@code error} object of a JSON error body (Graph API, Google APIs), or a missing node. */
    private JsonNode errorObject(String body) {
        JsonNode error = parse(body).path("error");
        return error.isObject() ? error : json.missingNode();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank() || body.charAt(0) != '{') {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    /** Longer waits than this are taken as this: a bogus header must not freeze a source for years. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    /** Retry-After is delta-seconds or an HTTP-date in any of its three forms (RFC 9110 §10.2.3); capped at a day. */
    Duration parseRetryAfter(String value) {
        return capped(parseRetryAfterUncapped(value));
    }

    private static Duration capped(Duration wait) {
        return wait != null && wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private Duration parseRetryAfterUncapped(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        return HttpDates.parse(trimmed, clock)
                .map(at -> Duration.between(clock.instant(), at))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(null);
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            map.putAll(headers);
        }
        return map;
    }
}
