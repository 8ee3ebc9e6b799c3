package dev.socialticker.ticker.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in Instagram Graph API on loopback for many sources: answers {@code GET /v25.0/<id>} with
 * a count, or, in an outage, {@code 503} after a delay (as a struggling upstream does). It counts
 * calls and the most calls it ever had open at once, which WireMock's journal cannot tell. The
 * delay is the server's own (a scheduled answer), not a wait of the test.
 */
final class GraphStandIn implements AutoCloseable {
    static final long COUNT = 1_000;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile long outageDelayMillis = -1;

    GraphStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/v25.0/", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v25.0";
    }

    /** From now on every call answers 503 after {@code delayMillis}. */
    void outage(long delayMillis) {
        outageDelayMillis = delayMillis;
    }

    long calls() {
        return calls.get();
    }

    int mostOpenAtOnce() {
        return mostOpen.get();
    }

    private void answer(HttpExchange exchange) {
        calls.incrementAndGet();
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        long delay = outageDelayMillis;
        if (delay < 0) {
            String id = exchange.getRequestURI().getPath().substring("/v25.0/".length());
            send(
                    exchange,
                    200,
                    "{\"followers_count\": " + COUNT + ", \"username\": \"u" + id + "\", \"id\": \"" + id + "\"}");
        } else {
            delays.schedule(
                    () -> send(
                            exchange,
                            503,
                            "{\"error\": {\"message\": \"Service temporarily unavailable\","
                                    + " \"type\": \"OAuthException\", \"code\": 2}}"),
                    delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void send(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange;
                OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException closedByTheClient) {
            // The service aborted the call (its deadline): nothing to answer.
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        handlers.shutdownNow();
    }
}
