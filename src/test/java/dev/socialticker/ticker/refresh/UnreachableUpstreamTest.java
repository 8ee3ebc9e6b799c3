package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.LocalPorts;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connection refused is UPSTREAM_UNAVAILABLE, retried, and never escapes to the caller. */
@CamelSpringBootTest
@SpringBootTest(
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.providers.instagram.access-token=test-token",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
class UnreachableUpstreamTest {
    static final TickerSource SOURCE =
            new TickerSource("instagram-17841400000000000", "instagram", "17841400000000000");

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) {
        int port = LocalPorts.free();
        registry.add("ticker.providers.instagram.base-url", () -> "http://127.0.0.1:" + port + "/v25.0");
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SnapshotStore store;

    @Test
    void connectionRefusedIsRecordedAsUpstreamUnavailable() {
        producer.sendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(SOURCE));

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot()).isNull();
        assertThat(state.failure().code()).isEqualTo(FailureCode.UPSTREAM_UNAVAILABLE);
        assertThat(state.failure().message()).contains("connection refused");
        assertThat(state.failure().httpStatus()).isNull();
        assertThat(state.failure().attempts()).isEqualTo(3);
    }
}
