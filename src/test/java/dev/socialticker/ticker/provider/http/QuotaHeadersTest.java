package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.QuotaUsage;
import java.time.Duration;
import java.time.Instant;
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
}
