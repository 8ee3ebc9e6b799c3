package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.QuotaUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuotaHeadersTest {
    static final String BUC = "{\"17841400000000000\": [{\"type\": \"instagram\", \"call_count\": 100,"
            + " \"total_cputime\": 20, \"total_time\": 30, \"estimated_time_to_regain_access\": 15}]}";

    @Test
    void takesTheHighestShareOfAnyLimitAndTheRegainTime() {
        assertThat(QuotaHeaders.parse("{\"call_count\": 12, \"total_cputime\": 3, \"total_time\": 4}", BUC))
                .isEqualTo(new QuotaUsage(100, 15, Map.of("call_count", 100, "total_cputime", 20, "total_time", 30)));
        assertThat(QuotaHeaders.regainAccess(BUC)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void keepsEachKindOfLimitApartAtItsHighest() {
        QuotaUsage usage = QuotaHeaders.read(
                Map.of(
                        "X-App-Usage",
                        "{\"call_count\": 12, \"total_cputime\": 45, \"total_time\": 4}",
                        "X-RateLimit-Limit",
                        "5000",
                        "X-RateLimit-Remaining",
                        "1000")::get,
                Instant.EPOCH);

        assertThat(usage.usedPercentByKind())
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("call_count", 12, "rate_limit", 80, "total_cputime", 45, "total_time", 4)));
        assertThat(usage.usedPercent()).isEqualTo(80);
    }

    @Test
    void absentOrUnreadableHeadersAreUnknownNotZero() {
        assertThat(QuotaHeaders.parse(null, null)).isNull();
        assertThat(QuotaHeaders.parse("not json", "[]")).isNull();
        assertThat(QuotaHeaders.parse("{\"call_count\": 7}", null))
                .isEqualTo(new QuotaUsage(7, null, Map.of("call_count", 7)));
        assertThat(QuotaHeaders.regainAccess(null)).isNull();
    }

    /** As an HTTP message gives them: by name, whatever the case. */
    private static java.util.function.Function<String, String> answer(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers::get;
    }

    @Test
    void readsXsHyphenatedRateLimitHeadersAndItsEpochReset() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        var spent =
                answer("x-rate-limit-limit", "300", "x-rate-limit-remaining", "0", "x-rate-limit-reset", "1700000600");

        assertThat(QuotaHeaders.read(spent, now)).isEqualTo(new QuotaUsage(100, 10, Map.of("rate_limit", 100)));
        assertThat(QuotaHeaders.rateLimitReset(spent, now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(QuotaHeaders.read(answer("x-rate-limit-limit", "300", "x-rate-limit-remaining", "225"), now))
                .isEqualTo(new QuotaUsage(25, null, Map.of("rate_limit", 25)));
    }

    @Test
    void readsTheWholeSecondsOfDiscordsFractionalReset() {
        Instant now = Instant.ofEpochSecond(1_470_173_000L);
        var spent =
                answer("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1470173023.123");

        assertThat(QuotaHeaders.rateLimitReset(spent, now)).isEqualTo(Duration.ofSeconds(23));
        assertThat(QuotaHeaders.read(spent, now)).isEqualTo(new QuotaUsage(100, 1, Map.of("rate_limit", 100)));
    }

    @Test
    void takesRedditsUsedPlusRemainingAsTheLimit() {
        var answer = answer("X-Ratelimit-Used", "150", "X-Ratelimit-Remaining", "450.0", "X-Ratelimit-Reset", "290");

        assertThat(QuotaHeaders.read(answer, Instant.EPOCH))
                .isEqualTo(new QuotaUsage(25, null, Map.of("rate_limit", 25)));
        assertThat(QuotaHeaders.rateLimitReset(
                        answer("X-Ratelimit-Used", "600", "X-Ratelimit-Remaining", "0.0", "X-Ratelimit-Reset", "290"),
                        Instant.EPOCH))
                .isEqualTo(Duration.ofSeconds(290));
    }

    @Test
    void aNumberWithAnythingButDigitsAndOneFractionIsUnknown() {
        assertThat(QuotaHeaders.read(answer("X-RateLimit-Limit", "1e3", "X-RateLimit-Remaining", "10"), Instant.EPOCH))
                .isNull();
        assertThat(QuotaHeaders.read(
                        answer("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "1.2.3"), Instant.EPOCH))
                .isNull();
    }

    @Test
    void theHeadersItReadsAreNamedInOnePlace() {
        assertThat(List.of(
                        "x-rate-limit-reset",
                        "X-RateLimit-Remaining",
                        "RateLimit-Limit",
                        "Retry-After",
                        "x-app-usage",
                        "X-Business-Use-Case-Usage"))
                .allMatch(QuotaHeaders::isRead);
        assertThat(List.of("Content-Type", "X-Rate", "ETag", "X-Request-Id")).noneMatch(QuotaHeaders::isRead);
    }
}
