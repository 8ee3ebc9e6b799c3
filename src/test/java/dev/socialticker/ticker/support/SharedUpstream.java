package dev.socialticker.ticker.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock server on loopback for the whole test JVM, standing in for every upstream. Spring
 * keeps a test class's application context for the next class with the same configuration; that
 * context was told the upstream's address once, so the upstream must outlive the class that started
 * it (a per-class WireMock comes back on another port). Tests reset it before each test instead.
 */
public final class SharedUpstream {
    private static final WireMockServer SERVER = start();

    private SharedUpstream() {}

    public static WireMockServer server() {
        return SERVER;
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(50)
                // Jetty would gzip answers and suffix their ETags ("v1--gzip"); upstreams here do neither.
                .gzipDisabled(true));
        server.start();
        // Stopped with the JVM, after the cached contexts that call it (Spring closes them in its own hook).
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shared-upstream-stop"));
        return server;
    }
}
