package dev.socialticker.ticker.api;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's platform-http server on Vert.x, where the REST DSL's routes, the page and the screen are
 * served ({@code server.address}, {@code server.port}). Camel's server builds the router its
 * consumers register on (a Camel service, started and stopped with the Camel context); this class
 * adds what Camel's does not let us set:
 *
 * <ul>
 *   <li>the handlers every answer passes ({@link WebHandlers}), installed on that router before any
 *       route registers;
 *   <li>what Vert.x answers a request it refuses before any route runs (headers over its limit, a
 *       request line it cannot read): the API's JSON problem, as Tomcat's error report valve
 *       answered before, instead of an empty {@code 431} or a closed connection.
 * </ul>
 */
final class ApiHttpServer extends VertxPlatformHttpServer {
    private static final Logger log = LoggerFactory.getLogger(ApiHttpServer.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final VertxPlatformHttpServerConfiguration configuration;
    private final WebHandlers handlers;
    private final IntConsumer listening;
    private volatile HttpServer server;

    /**
     * @param listening told the port the server listens on (the actual one when the configured port is 0)
     */
    ApiHttpServer(VertxPlatformHttpServerConfiguration configuration, WebHandlers handlers, IntConsumer listening) {
        super(configuration);
        this.configuration = configuration;
        this.handlers = handlers;
        this.listening = listening;
    }

    @Override
    protected void initializeServer() {
        super.initializeServer();
        handlers.install(router(), getVertx());
    }

    /**
     * Camel's own start, with our refusal of invalid requests and the bind address and port as Spring
     * Boot's {@code server.*} give them. The router is the one Camel registered for its consumers,
     * mounted at the root.
     */
    @Override
    protected void startServer() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(configuration.getBindHost())
                .setPort(configuration.getBindPort())
                // HTTP/1.1, as before behind Tomcat: no upgrade of a plain connection to HTTP/2 (h2c),
                // which browsers never ask for and which caps a client at 100 streams on one connection.
                .setHttp2ClearTextEnabled(false);
        HttpServer created = getVertx()
                .createHttpServer(options)
                .invalidRequestHandler(ApiHttpServer::refuse)
                .requestHandler(router());
        try {
            server = created.listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw new PortUnavailableException(
                    configuration.getBindHost(), configuration.getBindPort(), failed.getCause());
        }
        log.info(
                "Serving the API, the page, the screen, the charts and the status console on {}:{}",
                configuration.getBindHost(),
                server.actualPort());
        listening.accept(server.actualPort());
    }

    @Override
    protected void stopServer() {
        HttpServer running = server;
        if (running == null) {
            return;
        }
        // As Camel's own stop: the component's consumers are gone with the server.
        getCamelContext().removeComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME);
        try {
            running.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception failed) {
            log.warn(
                    "The HTTP server did not close cleanly: {}",
                    failed.getClass().getSimpleName());
        } finally {
            server = null;
        }
    }

    /**
     * Closes the Vert.x instance Camel's server made for itself (none is in the registry). Camel's own
     * close runs on an executor its {@code startServer} creates, which ours replaces: without this the
     * stop failed on a missing executor and left Vert.x's event loops running.
     */
    @Override
    protected void stopVertx() {
        Vertx own = getVertx();
        if (own == null) {
            return;
        }
        try {
            own.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception failed) {
            log.warn("Vert.x did not close cleanly: {}", failed.getClass().getSimpleName());
        } finally {
            setVertx(null);
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        HttpServer running = server;
        return running != null ? running.actualPort() : configuration.getBindPort();
    }

    private VertxPlatformHttpRouter router() {
        return VertxPlatformHttpRouter.lookup(
                getCamelContext(), VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort()));
    }

    /**
     * A request Vert.x's HTTP decoder refused: headers or a request line over the limit, or bytes that
     * are not HTTP. Answered, when there is a request to answer, with the API's JSON {@code 400} and
     * the connection closed, as before behind Tomcat.
     */
    private static void refuse(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (!(cause instanceof TooLongFrameException)
                && !request.decoderResult().isFailure()) {
            request.connection().close();
            return;
        }
        request.response()
                .setStatusCode(400)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close");
        WebHandlers.harden(request.response());
        request.response().end(ErrorBodies.of(400));
    }

    /** The configured address and port cannot be bound: said as the property an operator sets ({@link PortClashAnalyzer}). */
    static final class PortUnavailableException extends IllegalStateException {
        private final int port;

        PortUnavailableException(String host, int port, Throwable cause) {
            super(
                    "Cannot serve on " + host + ":" + port + " (server.address, server.port): "
                            + (cause == null
                                    ? "unknown reason"
                                    : cause.getClass().getSimpleName() + " " + cause.getMessage()),
                    cause);
            this.port = port;
        }

        int port() {
            return port;
        }
    }
}
