package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code src/test/resources/providers/} through its provider file's own error
 * rules: an error body the upstream documents comes out as the code the file declares, and no
 * success body (nor an error the shared classifier judges by status) is mistaken for an error.
 */
class ProviderErrorRulesTest {
    static final Path FIXTURES = Path.of("src/test/resources/providers");
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    /** Left to the shared classifier (HTTP status, rate-limit headers). */
    static final String GENERIC = "generic";

    /** provider/fixture → HTTP status it comes with, and what the file's rules make of it. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("bluesky", "profile.json", 200, GENERIC),
                Arguments.of("bluesky", "profile-not-found.json", 400, "NOT_FOUND"),
                Arguments.of("bluesky", "rate-limit-exceeded.json", 429, GENERIC),
                Arguments.of("github", "user.json", 200, GENERIC),
                Arguments.of("github", "not-found.json", 404, GENERIC),
                Arguments.of("github", "bad-credentials.json", 401, GENERIC),
                Arguments.of("github", "rate-limit-exceeded.json", 403, GENERIC),
                Arguments.of("instagram", "ig-user.json", 200, GENERIC),
                Arguments.of("instagram", "service-unavailable.html", 503, GENERIC),
                Arguments.of("instagram", "error-4-app-rate-limit.json", 403, "RATE_LIMITED"),
                Arguments.of("instagram", "error-17-user-rate-limit.json", 400, "RATE_LIMITED"),
                Arguments.of("instagram", "error-613-custom-rate-limit.json", 400, "RATE_LIMITED"),
                Arguments.of("instagram", "error-190-invalid-token.json", 400, "AUTH_FAILED"),
                Arguments.of("instagram", "error-100-33-unknown-user.json", 400, "NOT_FOUND"),
                Arguments.of("mastodon", "account.json", 200, GENERIC),
                Arguments.of("mastodon", "record-not-found.json", 404, GENERIC),
                Arguments.of("threads", "threads-insights-followers.json", 200, GENERIC),
                Arguments.of("threads", "refresh-access-token.json", 200, GENERIC),
                Arguments.of("threads", "error-190-invalid-token.json", 400, "AUTH_FAILED"),
                Arguments.of("threads", "error-4-app-rate-limit.json", 403, "RATE_LIMITED"),
                Arguments.of("tiktok", "user-info.json", 200, GENERIC),
                Arguments.of("tiktok", "token.json", 200, GENERIC),
                Arguments.of("tiktok", "access-token-invalid.json", 401, "AUTH_FAILED"),
                Arguments.of("tiktok", "scope-not-authorized.json", 401, "AUTH_FAILED"),
                Arguments.of("tiktok", "rate-limited.json", 429, "RATE_LIMITED"),
                // The token endpoint's refusal: said by the token feature (invalid_grant), not by the API's rules.
                Arguments.of("tiktok", "refresh-refused.json", 400, GENERIC),
                Arguments.of("linkedin", "network-size.json", 200, GENERIC),
                Arguments.of("linkedin", "token.json", 200, GENERIC),
                Arguments.of("linkedin", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("linkedin", "throttled.json", 429, "RATE_LIMITED"),
                Arguments.of("linkedin", "refresh-refused.json", 400, GENERIC),
                Arguments.of("discord", "invite-with-counts.json", 200, GENERIC),
                Arguments.of("discord", "unknown-invite.json", 404, "NOT_FOUND"),
                Arguments.of("discord", "rate-limited.json", 429, "RATE_LIMITED"),
                Arguments.of("peertube", "account.json", 200, GENERIC),
                Arguments.of("peertube", "video-channel.json", 200, GENERIC),
                Arguments.of("peertube", "not-found.json", 404, GENERIC),
                Arguments.of("x", "user.json", 200, GENERIC),
                Arguments.of("x", "user-not-found.json", 200, "NOT_FOUND"),
                Arguments.of("x", "rate-limit-exceeded.json", 429, "RATE_LIMITED"),
                Arguments.of("x", "usage-capped.json", 429, "RATE_LIMITED"),
                Arguments.of("x", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("x", "client-forbidden.json", 403, "AUTH_FAILED"),
                Arguments.of("facebook", "page.json", 200, GENERIC),
                Arguments.of("facebook", "error-190-invalid-token.json", 400, "AUTH_FAILED"),
                Arguments.of("facebook", "error-100-33-unknown-page.json", 400, "NOT_FOUND"),
                Arguments.of("facebook", "error-4-app-rate-limit.json", 403, "RATE_LIMITED"),
                Arguments.of("facebook", "error-32-page-rate-limit.json", 400, "RATE_LIMITED"),
                Arguments.of("facebook", "buc-usage-header.json", 200, GENERIC),
                Arguments.of("threads", "error-100-33-unknown-user.json", 400, "NOT_FOUND"),
                Arguments.of("reddit", "subreddit-about.json", 200, GENERIC),
                Arguments.of("reddit", "token.json", 200, GENERIC),
                Arguments.of("reddit", "private-subreddit.json", 403, "NOT_FOUND"),
                Arguments.of("reddit", "not-found.json", 404, "NOT_FOUND"),
                Arguments.of("reddit", "too-many-requests.json", 429, "RATE_LIMITED"),
                // The token endpoint's refusal: said by the token feature, not by the API's rules.
                Arguments.of("reddit", "token-unauthorized.json", 401, GENERIC),
                Arguments.of("spotify", "artist.json", 200, GENERIC),
                Arguments.of("spotify", "token.json", 200, GENERIC),
                Arguments.of("spotify", "invalid-id.json", 400, "NOT_FOUND"),
                Arguments.of("spotify", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("spotify", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("telegram", "member-count.json", 200, GENERIC),
                Arguments.of("telegram", "chat-not-found.json", 400, "NOT_FOUND"),
                Arguments.of("telegram", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("telegram", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("twitch", "channel-followers.json", 200, GENERIC),
                Arguments.of("twitch", "oauth2-token.json", 200, GENERIC),
                Arguments.of("twitch", "unauthorized.json", 401, "AUTH_FAILED"),
                Arguments.of("twitch", "too-many-requests.json", 429, "RATE_LIMITED"),
                Arguments.of("twitch", "bad-broadcaster.json", 400, "NOT_FOUND"),
                Arguments.of("youtube", "channel.json", 200, GENERIC),
                Arguments.of("youtube", "channel-hidden-count.json", 200, GENERIC),
                Arguments.of("youtube", "no-channel.json", 200, GENERIC),
                Arguments.of("youtube", "quota-exceeded.json", 403, "RATE_LIMITED"),
                Arguments.of("youtube", "key-invalid.json", 400, "AUTH_FAILED"));
    }

    @ParameterizedTest(name = "{0}/{1} (HTTP {2}) → {3}")
    @MethodSource("fixtures")
    void eachDocumentedAnswerMeansWhatTheProviderFileSays(String provider, String fixture, int status, String expected)
            throws IOException {
        Optional<ProviderFailure> failure = rulesOf(provider)
                .match(
                        status,
                        Map.<String, String>of()::get,
                        () -> JsonAnswers.parse(Fixtures.read(provider, fixture)),
                        NOW);

        if (expected.equals(GENERIC)) {
            assertThat(failure)
                    .as("no rule of %s matches %s", provider, fixture)
                    .isEmpty();
        } else {
            assertThat(failure).as("a rule of %s matches %s", provider, fixture).isPresent();
            assertThat(failure.get().code().name()).isEqualTo(expected);
            assertThat(failure.get().httpStatus()).isEqualTo(status);
            assertThat(failure.get().getMessage()).isNotBlank().doesNotContain("{", "<");
        }
    }

    @Test
    void everyFixtureIsInTheTable() throws IOException {
        Set<String> listed =
                fixtures().map(row -> row.get()[0] + "/" + row.get()[1]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("README.md"))
                    .forEach(file ->
                            present.add(FIXTURES.relativize(file).toString().replace('\\', '/')));
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void graphsRegainTimeIsTheWaitOfItsRateLimit() throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put(
                "X-Business-Use-Case-Usage",
                "{\"17841400000000000\": [{\"type\": \"instagram\", \"call_count\": 100,"
                        + " \"total_cputime\": 3, \"total_time\": 4, \"estimated_time_to_regain_access\": 12}]}");

        ProviderFailure failure = rulesOf("instagram")
                .match(
                        400,
                        headers::get,
                        () -> JsonAnswers.parse(Fixtures.read("instagram", "error-17-user-rate-limit.json")),
                        NOW)
                .orElseThrow();

        assertThat(failure.waitFor()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void githubsSecondaryLimitIsA403WithRetryAfter() throws IOException {
        ProviderFailure failure = rulesOf("github")
                .match(
                        403,
                        Map.of("Retry-After", "60")::get,
                        () -> JsonAnswers.parse("{\"message\": \"You have exceeded a secondary rate limit.\"}"),
                        NOW)
                .orElseThrow();

        assertThat(failure.code().name()).isEqualTo("RATE_LIMITED");
        assertThat(failure.waitFor()).isEqualTo(Duration.ofSeconds(60));
    }

    /** The {@code errors} parameter of {@code routes/<provider>.camel.yaml}, as written. */
    private static ErrorRules rulesOf(String provider) {
        return ErrorRules.parse(ProviderAnswers.parameters(provider).getOrDefault("errors", ""));
    }
}
