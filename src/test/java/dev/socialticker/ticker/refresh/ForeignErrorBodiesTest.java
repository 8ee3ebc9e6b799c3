package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.provider.http.ProviderAnswers;
import dev.socialticker.ticker.support.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in provider file's {@code errors} rules, then the shared classifier, against error
 * bodies the rules were not written for: what a proxy, a CDN or the upstream itself may answer
 * instead of the documented error. A rule whose body path does not fit such a body does not match,
 * so the answer is judged by what is generic (status, Retry-After): the final code, wait and
 * message are those of the status alone, whatever the body.
 */
class ForeignErrorBodiesTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<String> PROVIDERS = List.of("instagram", "github", "mastodon", "bluesky", "youtube");
    static DefaultCamelContext camel;

    final FailureClassifier classifier = new FailureClassifier(CLOCK);

    /** A body none of the built-in files' rules describe. */
    record ForeignBody(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the shared classifier makes of a status alone; 429 comes with {@code Retry-After: 120}. */
    record Generic(int status, FailureCode code, String message, Duration waitFor, boolean retryable) {
        Map<String, String> headers() {
            return status == 429
                    ? Map.of("Content-Type", "application/json", "Retry-After", "120")
                    : Map.of("Content-Type", "application/json");
        }
    }

    static final List<Generic> STATUSES = List.of(
            new Generic(
                    400, FailureCode.UPSTREAM_UNAVAILABLE, "The provider refused the request (HTTP 400)", null, false),
            new Generic(401, FailureCode.AUTH_FAILED, "The provider rejected the credentials (HTTP 401)", null, false),
            new Generic(403, FailureCode.AUTH_FAILED, "The provider rejected the credentials (HTTP 403)", null, false),
            new Generic(
                    404, FailureCode.NOT_FOUND, "The account was not found at the provider (HTTP 404)", null, false),
            new Generic(
                    429,
                    FailureCode.RATE_LIMITED,
                    "The provider's rate limit was reached (HTTP 429)",
                    Duration.ofSeconds(120),
                    false),
            new Generic(
                    500, FailureCode.UPSTREAM_UNAVAILABLE, "The provider answered HTTP 500 (server error)", null, true),
            new Generic(
                    503,
                    FailureCode.UPSTREAM_UNAVAILABLE,
                    "The provider answered HTTP 503 (server error)",
                    null,
                    true));

    static List<ForeignBody> foreignBodies() {
        return List.of(
                new ForeignBody("a JSON string", "\"slow down\""),
                new ForeignBody("a JSON number", "42"),
                new ForeignBody("a JSON array", "[1, \"two\", {\"three\": 3}, null]"),
                new ForeignBody("JSON null", "null"),
                new ForeignBody("JSON true", "true"),
                new ForeignBody("an HTML page", Fixtures.read("instagram", "service-unavailable.html")),
                new ForeignBody("an empty body", ""),
                new ForeignBody(
                        "truncated JSON",
                        "{\"error\": {\"message\": \"(#4) Application request limit reached\", \"code\": 4"),
                new ForeignBody("error as a string (slow down)", "{\"error\": \"slow down\"}"),
                new ForeignBody("error as a string (not found)", "{\"error\": \"not found\"}"),
                new ForeignBody("error null", "{\"error\": null}"),
                new ForeignBody(
                        "error fields of other types",
                        "{\"error\": {\"code\": {\"value\": 4}, \"errors\": \"quotaExceeded\","
                                + " \"details\": 7, \"error_subcode\": [33]}}"),
                new ForeignBody("Bluesky's XRPC error shape", Fixtures.read("bluesky", "rate-limit-exceeded.json")),
                new ForeignBody("GitHub's error shape", Fixtures.read("github", "bad-credentials.json")),
                new ForeignBody(
                        "Graph API error shape, a code no rule names",
                        "{\"error\": {\"message\": \"An unexpected error has occurred.\", \"type\": \"OAuthException\","
                                + " \"code\": 2, \"fbtrace_id\": \"AbCdEf\"}}"),
                new ForeignBody("a very large body (about 2 MB)", veryLargeBody()));
    }

    /** Tens of thousands of error-like objects: every filter runs over all of them, and none matches. */
    static String veryLargeBody() {
        String padding = "x".repeat(160);
        return IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"error\": {\"code\": " + (1000 + i) + ", \"message\": \"" + padding
                        + "\", \"errors\": [{\"reason\": \"r" + i + "\"}]}}")
                .collect(Collectors.joining(",", "{\"error\": \"slow down\", \"items\": [", "]}"));
    }

    static Stream<Arguments> matrix() {
        List<ForeignBody> bodies = foreignBodies();
        return PROVIDERS.stream()
                .flatMap(provider -> STATUSES.stream()
                        .flatMap(status ->
                                bodies.stream().map(body -> Arguments.of(provider, status.status(), body, status))));
    }

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
        camel.build();
    }

    @AfterAll
    static void closeCamel() throws java.io.IOException {
        camel.close();
    }

    @ParameterizedTest(name = "{0}, HTTP {1}, {2}")
    @MethodSource("matrix")
    void aBodyTheRulesWereNotWrittenForIsJudgedByStatusAndHeaders(
            String provider, int status, ForeignBody body, Generic expected) {
        Exception thrown = ProviderAnswers.of(provider, camel, CLOCK).read(status, expected.headers(), body.text());

        assertThat(thrown).as("an error status is a failure").isNotNull();
        Classification classification = classifier.classify(thrown);
        assertThat(classification.code()).isEqualTo(expected.code());
        assertThat(classification.message()).isEqualTo(expected.message());
        assertThat(classification.retryAfter()).isEqualTo(expected.waitFor());
        assertThat(classification.httpStatus()).isEqualTo(status);
        assertThat(classification.retryable()).isEqualTo(expected.retryable());
    }

    /** A rule that matches by status and reads its wait from the body, written for one shape of body. */
    static final String WAIT_IN_THE_BODY = """
            - when: { status: 429 }
              code: RATE_LIMITED
              message: The daily quota is spent
              wait: { body: "$.error[?(@.code == 4)].retry_in", unit: minutes }
            """;

    static Stream<Arguments> foreignBodiesWithAndWithoutRetryAfter() {
        return foreignBodies().stream().flatMap(body -> Stream.of(Arguments.of(body, true), Arguments.of(body, false)));
    }

    @ParameterizedTest(name = "{0}, Retry-After: {1}")
    @MethodSource("foreignBodiesWithAndWithoutRetryAfter")
    void aWaitPathThatDoesNotFitTheBodyFindsNoWaitAndRetryAfterStillCounts(ForeignBody body, boolean retryAfter) {
        Map<String, String> headers = retryAfter ? Map.of("Retry-After", "120") : Map.of();

        Exception thrown = ProviderAnswers.of("github", camel, CLOCK)
                .withErrors(WAIT_IN_THE_BODY)
                .read(429, headers, body.text());

        Classification classification = classifier.classify(thrown);
        assertThat(classification.code()).as("the rule matched by its status").isEqualTo(FailureCode.RATE_LIMITED);
        assertThat(classification.message()).isEqualTo("The daily quota is spent");
        assertThat(classification.retryAfter()).isEqualTo(retryAfter ? Duration.ofSeconds(120) : null);
        assertThat(classification.httpStatus()).isEqualTo(429);
    }

    @Test
    void aWaitPathThatFitsTheBodyIsTheWait() {
        Exception thrown = ProviderAnswers.of("github", camel, CLOCK)
                .withErrors(WAIT_IN_THE_BODY)
                .read(429, Map.of("Retry-After", "120"), "{\"error\": {\"code\": 4, \"retry_in\": 30}}");

        assertThat(classifier.classify(thrown).retryAfter())
                .as("the file's own wait first")
                .isEqualTo(Duration.ofMinutes(30));
    }

    /** Instagram's rate-limit rule reads its wait from a JSON header, which may hold anything. */
    static Stream<Arguments> foreignUsageHeaders() {
        return Stream.of(
                        "slow down",
                        "null",
                        "42",
                        "\"soon\"",
                        "[1, 2",
                        "{\"" + "17841400000000000" + "\": \"oops\"}",
                        "{\"17841400000000000\": [{\"estimated_time_to_regain_access\": \"soon\"}]}",
                        "{\"17841400000000000\": {\"estimated_time_to_regain_access\": {\"minutes\": 5}}}")
                .flatMap(value -> Stream.of(Arguments.of(value, true), Arguments.of(value, false)));
    }

    @ParameterizedTest(name = "X-Business-Use-Case-Usage: {0}, Retry-After: {1}")
    @MethodSource("foreignUsageHeaders")
    void aWaitHeaderOfAnotherShapeFindsNoWaitAndRetryAfterStillCounts(String usage, boolean retryAfter) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("X-Business-Use-Case-Usage", usage));
        if (retryAfter) {
            headers.put("Retry-After", "120");
        }

        Exception thrown = ProviderAnswers.of("instagram", camel, CLOCK)
                .read(400, headers, Fixtures.read("instagram", "error-17-user-rate-limit.json"));

        Classification classification = classifier.classify(thrown);
        assertThat(classification.code()).isEqualTo(FailureCode.RATE_LIMITED);
        assertThat(classification.message())
                .isEqualTo("The provider's rate limit was reached (Graph API error 4, 17, 32 or 613)");
        assertThat(classification.retryAfter()).isEqualTo(retryAfter ? Duration.ofSeconds(120) : null);
    }

    @Test
    void theRulesStillRecogniseTheErrorsTheyWereWrittenFor() {
        // The same reading as above, on a documented body: the guard against "no match" for everything.
        Exception thrown = ProviderAnswers.of("instagram", camel, CLOCK)
                .read(400, Map.of("Retry-After", "120"), Fixtures.read("instagram", "error-190-invalid-token.json"));

        Classification classification = classifier.classify(thrown);
        assertThat(classification.code()).isEqualTo(FailureCode.AUTH_FAILED);
        assertThat(classification.message())
                .isEqualTo("The access token was rejected (Graph API error 190): a new token is needed");
    }
}
