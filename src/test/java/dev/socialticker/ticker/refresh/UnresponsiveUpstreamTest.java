package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An upstream that never completes the TCP handshake: the provider's connect timeout applies
 * (not camel-http's 3-minute default), and the refresh ends as TIMEOUT within its budget.
 *
 * <p>The upstream is a loopback listener whose accept queue is full: Linux then leaves further
 * connection attempts unanswered, as a black-holed host would.
 */
@CamelSpringBootTest
@SpringBootTest(
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.providers.instagram.access-token=test-token",
            "ticker.providers.instagram.connect-timeout=300ms",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
class UnresponsiveUpstreamTest {
    static final TickerSource SOURCE =
            new TickerSource("instagram-17841400000000000", "instagram", "17841400000000000");
    private static ServerSocket listener;
    private static final List<Socket> queued = new ArrayList<>();

    @DynamicPropertySource
    static void silentUpstream(DynamicPropertyRegistry registry) {
        registry.add("ticker.providers.instagram.base-url", () -> "http://127.0.0.1:" + fullListener() + "/v25.0");
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SnapshotStore store;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net: with the 3-minute default this would hang
    void theConnectTimeoutEndsEachAttempt() {
        producer.sendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(SOURCE));

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.failure().code()).isEqualTo(FailureCode.TIMEOUT);
        assertThat(state.failure().attempts()).isEqualTo(3);
    }

    @AfterAll
    static void closeListener() throws IOException {
        for (Socket socket : queued) {
            socket.close();
        }
        listener.close();
    }

    /** A listener with a backlog of one that never accepts, its queue filled by two connections. */
    private static int fullListener() {
        try {
            if (listener == null) {
                listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                for (int i = 0; i < 2; i++) {
                    Socket socket = new Socket();
                    socket.connect(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 1_000);
                    queued.add(socket);
                }
            }
            return listener.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
