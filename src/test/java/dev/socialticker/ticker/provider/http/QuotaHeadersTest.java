package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.provider.contract.QuotaUsage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaHeadersTest {
    static final String BUC = "{\"17841400000000000\": [{\"type\": \"instagram\", \"call_count\": 100,"
            + " \"total_cputime\": 20, \"total_time\": 30, \"estimated_time_to_regain_access\": 15}]}";

    @Test
    void takesTheHighestShareOfAnyLimitAndTheRegainTime() {
        assertThat(QuotaHeaders.parse("{\"call_count\": 12, \"total_cputime\": 3, \"total_time\": 4}", BUC))
                .isEqualTo(new QuotaUsage(100, 15));
        assertThat(QuotaHeaders.regainAccess(BUC)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void absentOrUnreadableHeadersAreUnknownNotZero() {
        assertThat(QuotaHeaders.parse(null, null)).isNull();
        assertThat(QuotaHeaders.parse("not json", "[]")).isNull();
        assertThat(QuotaHeaders.parse("{\"call_count\": 7}", null)).isEqualTo(new QuotaUsage(7, null));
        assertThat(QuotaHeaders.regainAccess(null)).isNull();
    }
}
