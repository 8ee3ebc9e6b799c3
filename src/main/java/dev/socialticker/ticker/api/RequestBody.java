package dev.socialticker.ticker.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;

/**
 * A request's body, read when a route asks for it and not before.
 *
 * <p>Camel's Vert.x consumer would read every body whole before the route's first step (its body
 * handler): an unauthenticated upload of any size would be taken in before the token is looked at.
 * The API's consumers leave it unread ({@code useBodyHandler=false}, {@link MetricsApiRoutes}): the
 * message's body is then the paused Vert.x request, and a route that needs the bytes reads them here,
 * on its own worker thread (the consumer runs routes off the event loop), up to a bound: past it,
 * reading stops and the caller sees {@code bound + 1} bytes. Written by hand because neither Camel
 * nor Vert.x reads a paused request to a bound into a blocking caller.
 */
final class RequestBody {
    private RequestBody() {}

    /**
     * At most {@code bound + 1} bytes of the body (so a caller can tell "over the bound").
     *
     * @throws IOException when the body breaks off (the client hung up) or does not arrive within
     *     {@code patience}
     */
    static InputStream read(Exchange exchange, int bound, Duration patience) throws IOException {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof HttpServerRequest request)) {
            InputStream stream = exchange.getIn().getBody(InputStream.class);
            return stream == null ? InputStream.nullInputStream() : stream;
        }
        CompletableFuture<Buffer> received = new CompletableFuture<>();
        Buffer bytes = Buffer.buffer();
        request.exceptionHandler(received::completeExceptionally);
        // A client that hung up before this route ran: its request will see no end and no error.
        request.response().closeHandler(closed -> received.completeExceptionally(new IOException("The client left")));
        if (request.response().closed()) {
            throw new IOException("The client left before the body was read");
        }
        request.endHandler(end -> received.complete(bytes));
        request.handler(chunk -> {
            if (received.isDone()) {
                return;
            }
            bytes.appendBuffer(chunk);
            if (bytes.length() > bound) {
                // Enough to refuse: the rest is not read (the connection closes with the answer).
                request.pause();
                received.complete(bytes);
            }
        });
        request.resume();
        try {
            return new ByteArrayInputStream(
                    received.get(patience.toMillis(), TimeUnit.MILLISECONDS).getBytes());
        } catch (ExecutionException broken) {
            throw new IOException("The body broke off", broken.getCause());
        } catch (TimeoutException slow) {
            throw new IOException("The body did not arrive within " + patience.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the body", interrupted);
        }
    }
}
