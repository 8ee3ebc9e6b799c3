package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection refused is UPSTREAM_UNAVAILABLE, retried, and never escapes to the caller. */
class UnreachableUpstreamTest extends BrokenUpstreamsServiceTest {

    @Test
    void connectionRefusedIsRecordedAsUpstreamUnavailable() {
        producer.sendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(REFUSING));

        SourceState state = store.stateOf(REFUSING);
        assertThat(state.snapshot()).isNull();
        assertThat(state.failure().code()).isEqualTo(FailureCode.UPSTREAM_UNAVAILABLE);
        assertThat(state.failure().message()).contains("connection refused");
        assertThat(state.failure().httpStatus()).isNull();
        assertThat(state.failure().attempts()).isEqualTo(3);
    }
}
