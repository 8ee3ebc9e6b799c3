package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An upstream that never completes the TCP handshake: the provider's connect timeout applies
 * (not camel-http's 3-minute default), and the refresh ends as TIMEOUT within its budget.
 */
class UnresponsiveUpstreamTest extends BrokenUpstreamsServiceTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net: with the 3-minute default this would hang
    void theConnectTimeoutEndsEachAttempt() {
        producer.sendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(SILENT));

        SourceState state = store.stateOf(SILENT);
        assertThat(state.failure().code()).isEqualTo(FailureCode.TIMEOUT);
        assertThat(state.failure().attempts()).isEqualTo(3);
    }
}
