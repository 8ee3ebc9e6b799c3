package dev.socialticker.ticker.authorize;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.socialticker.ticker.token.SignInPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect of a native app's sign-in (RFC 8252 section 7.3): listens on
 * {@code http://127.0.0.1:<port>/callback} for the one address the provider sends the browser back
 * to, and answers the browser with the outcome once the command knows it. The JDK's own HTTP server:
 * one request, on loopback, for the minutes of a sign-in; the service's web stack would be a second
 * server of the same process for nothing.
 */
final class LoopbackCallback implements AutoCloseable {
    static final String PATH = "/callback";
    /** How long the browser's page waits for the code exchange before it says to look at the console. */
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final CompletableFuture<String> received = new CompletableFuture<>();
    private final CompletableFuture<String> outcome = new CompletableFuture<>();

    /** @param port 0 for any free port */
    LoopbackCallback(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PATH, this::answer);
        server.start();
    }

    /** The redirect URI to register and send: {@code http://127.0.0.1:<port>/callback}. */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Completed with the address the browser was sent back to, as this server received it. */
    CompletableFuture<String> received() {
        return received;
    }

    /** What the browser's page says: the command's outcome, one sentence for a person. */
    void tell(String sentence) {
        outcome.complete(sentence);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            boolean first = received.complete(redirectUri() + (query == null ? "" : "?" + query));
            String sentence = first ? awaitOutcome() : "This sign-in is already answered: look at the console.";
            byte[] page = SignInPage.html(sentence).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        }
    }

    private String awaitOutcome() {
        try {
            return outcome.get(OUTCOME_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException slow) {
            return "The sign-in was received: look at the console for the outcome.";
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return "The sign-in was received: look at the console for the outcome.";
        }
    }

    @Override
    public void close() {
        // Lets the browser's page be written first (the handler returns once it is).
        server.stop(2);
    }
}
