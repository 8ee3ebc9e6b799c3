package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.LocalPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with two upstreams that fail below HTTP, one context for the classes extending it: an
 * Instagram source whose upstream refuses connections (a closed loopback port), and a GitHub source
 * whose upstream never completes the TCP handshake, with GitHub's connect timeout at 300 ms. The
 * silent upstream is a loopback listener whose accept queue is full: Linux then leaves further
 * connection attempts unanswered, as a black-holed host would. It is closed with the context.
 */
@CamelSpringBootTest
@SpringBootTest(
        properties = {
            "ticker.sources[0].provider=instagram",
            "ticker.sources[0].account=17841400000000000",
            "ticker.providers.instagram.access-token=test-token",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=silent",
            "ticker.providers.github.connect-timeout=300ms",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
@Import(BrokenUpstreamsServiceTest.SilentUpstream.class)
abstract class BrokenUpstreamsServiceTest {
    static final TickerSource REFUSING =
            new TickerSource("instagram-17841400000000000", "instagram", "17841400000000000");
    static final TickerSource SILENT = new TickerSource("github-silent", "github", "silent");

    private static ServerSocket listener;
    private static final List<Socket> queued = new ArrayList<>();

    @DynamicPropertySource
    static void brokenUpstreams(DynamicPropertyRegistry registry) {
        int closedPort = LocalPorts.free();
        registry.add("ticker.providers.instagram.base-url", () -> "http://127.0.0.1:" + closedPort + "/v25.0");
        registry.add("ticker.providers.github.base-url", () -> "http://127.0.0.1:" + fullListener());
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    SnapshotStore store;

    /** A listener with a backlog of one that never accepts, its queue filled by two connections. */
    private static synchronized int fullListener() {
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

    /** Closes the silent upstream when the context closes: the classes sharing it may run in any order. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SilentUpstream {
        @Bean
        DisposableBean closeSilentUpstream() {
            return () -> {
                synchronized (BrokenUpstreamsServiceTest.class) {
                    for (Socket socket : queued) {
                        socket.close();
                    }
                    queued.clear();
                    if (listener != null) {
                        listener.close();
                        listener = null;
                    }
                }
            };
        }
    }
}
