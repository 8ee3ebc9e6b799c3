package dev.socialticker.ticker.api;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.domain.HttpDates;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;

/**
 * What every answer of the web server passes, around the REST DSL's routes: written once here, in
 * Vert.x's own terms, for the router Camel's platform-http consumers register on.
 *
 * <ul>
 *   <li>hardening headers on every answer: {@code X-Content-Type-Options: nosniff},
 *       {@code Referrer-Policy: no-referrer}, and on the page and its assets a
 *       {@code Content-Security-Policy} that allows only this origin's scripts, styles, images and
 *       API (the page has no inline script or style, so the policy needs no {@code 'unsafe-inline'});
 *   <li>{@code Date}, the service's clock, on every answer;
 *   <li>CORS for the origins in {@code ticker.cors.allowed-origins} (vertx-web's handler): GET and
 *       HEAD, the conditional request headers, the caching headers exposed; a request from this
 *       site itself is no cross-origin request;
 *   <li>{@code Connection: close} after a request whose body no route read;
 *   <li>{@code 503} with {@code Retry-After: 1} and a JSON problem on API paths while Camel starts or
 *       stops, never a {@code 404}: a ticker or a load balancer polling during a restart reads "come
 *       back in a second";
 *   <li>{@code HEAD} answered as {@code GET} without the body;
 *   <li>the page, the screen and their assets ({@link PageAssets}), after every route;
 *   <li>a JSON problem for what nothing answers (an unknown path, a method not allowed, a path that
 *       cannot be decoded), never an HTML page.
 * </ul>
 */
final class WebHandlers {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
    static final String API_PREFIX = "/api";
    /** On every answer, the actuator's included ({@link ManagementHardening}). */
    static final Map<String, String> HARDENING_HEADERS =
            Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");

    /** After every route Camel's consumers register (their order counts up from the first route). */
    private static final int AFTER_ROUTES = Integer.MAX_VALUE - 1;

    private final CamelContext camel;
    private final Clock clock;
    /** The Date header of the current second, formatted once per second, as Tomcat does. */
    private volatile DateLine date = new DateLine(Long.MIN_VALUE, "");

    private final List<String> allowedOrigins;
    private final PageAssets page;
    private final byte[] starting;
    private final byte[] stopping;
    /** Camel reports "stopped" both before its start and after its stop; this tells them apart. */
    private volatile boolean closing;

    private record DateLine(long second, String text) {}

    WebHandlers(CamelContext camel, Clock clock, List<String> allowedOrigins, PageAssets page) {
        this.camel = camel;
        this.clock = clock;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.page = page;
        this.starting = ProblemDocument.json("STARTING", "The service is starting; try again in a second");
        this.stopping = ProblemDocument.json("STOPPING", "The service is stopping; try again in a second");
    }

    /** Installs the handlers, in the order they run, before any route of Camel's registers. */
    void install(Router router, Vertx vertx) {
        router.route().handler(this::hardenAndContinue);
        if (!allowedOrigins.isEmpty()) {
            CorsHandler cors = CorsHandler.create()
                    .addOrigins(allowedOrigins)
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
                    .allowedHeaders(Set.of("If-None-Match", "If-Modified-Since"))
                    // Date and Age: the ticker reads the service's clock from them to judge staleAt.
                    .exposedHeaders(Set.of("ETag", "Last-Modified", "Cache-Control", "Retry-After", "Date", "Age"))
                    .maxAgeSeconds(3600);
            router.route().handler(context -> {
                // Whether an answer carries Access-Control-Allow-Origin depends on the request's
                // Origin: a shared cache must keep one copy per origin, also when one origin is
                // allowed (vertx-web leaves Vary out then, expecting a fixed header).
                context.response().headers().add("Vary", "Origin");
                // The page's own module scripts are fetched with an Origin too: a request from this
                // site is no cross-origin request, whatever the list (vertx-web would refuse it).
                if (fromThisSite(context.request())) {
                    context.next();
                } else {
                    cors.handle(context);
                }
            });
        }
        router.route(API_PREFIX + "/*").handler(this::availableOrRetryLater);
        // Not a route restricted to HEAD: Vert.x would count every GET it does not match as "another
        // method is served here" and answer an unknown path with a 405 instead of a 404.
        router.route().handler(WebHandlers::headAsGet);
        // Outside /api only: an API path that no route serves stays a 404, or a 405 when another
        // method is served there.
        router.routeWithRegex(HttpMethod.GET, "^(?!" + API_PREFIX + "(/|$)).*")
                .order(AFTER_ROUTES)
                .handler(page::serve);
        for (int status : new int[] {400, 403, 404, 405, 406, 413, 415, 500}) {
            router.errorHandler(status, WebHandlers::problem);
        }
    }

    /**
     * A request whose body no route read to its end (a refused upload: the body is read only when a
     * route asks, RequestBody) leaves the rest of that body on the connection, where the next request
     * would be read from: the answer says {@code Connection: close} and the connection closes after
     * it, as Tomcat closed one past what it would swallow.
     */
    private static void closeAfterAnUnreadBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
        if (!body) {
            return;
        }
        context.addHeadersEndHandler(headers -> {
            if (!request.isEnded()) {
                context.response().putHeader("Connection", "close");
            }
        });
        context.addEndHandler(answered -> {
            if (!request.isEnded()) {
                request.connection().close();
            }
        });
    }

    private String date() {
        long second = Math.floorDiv(clock.millis(), 1000);
        DateLine line = date;
        if (line.second() != second) {
            line = new DateLine(second, HttpDates.format(Instant.ofEpochSecond(second)));
            date = line;
        }
        return line.text();
    }

    /** The hardening headers every answer carries; an early refusal sets them itself. */
    static void harden(HttpServerResponse response) {
        HARDENING_HEADERS.forEach(response::putHeader);
    }

    /**
     * The hardening headers, and a 400 for a path whose percent-encoding is broken ({@code %zz}): the
     * client's mistake, which Vert.x would find first when a route matches and fail as a 500.
     */
    private void hardenAndContinue(RoutingContext context) {
        harden(context.response());
        // The service's clock on every answer (RFC 9110 §6.6.1): the ticker judges a count's age by
        // it, not by its own device's clock. Vert.x sends none by itself.
        context.response().putHeader("Date", date());
        String path;
        try {
            path = context.normalizedPath();
        } catch (IllegalArgumentException malformed) {
            context.fail(400);
            return;
        }
        if (!isApi(path)) {
            context.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        closeAfterAnUnreadBody(context);
        context.next();
    }

    private void availableOrRetryLater(RoutingContext context) {
        if (camel.isStarted()) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(503)
                .putHeader("Retry-After", "1")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(closing ? stopping : starting));
    }

    /**
     * Vert.x matches a route by method, and the REST DSL declares GET: a HEAD is routed again as a GET.
     * The response still belongs to a HEAD request, so Vert.x sends its headers and no body.
     */
    private static void headAsGet(RoutingContext context) {
        if (context.request().method() != HttpMethod.HEAD) {
            context.next();
            return;
        }
        context.reroute(HttpMethod.GET, context.request().uri());
    }

    /** A JSON problem for a status no route answered itself. */
    private static void problem(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        harden(response);
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(ErrorBodies.of(status), StandardCharsets.UTF_8.name());
    }

    /**
     * Whether the request's Origin names the host it was sent to (its Host header), in either scheme:
     * behind a TLS proxy the page is {@code https://} and the request reaching here plain HTTP.
     */
    static boolean fromThisSite(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || host == null) {
            return origin == null;
        }
        int scheme = origin.indexOf("://");
        return scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    static boolean isApi(String path) {
        return path != null && (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/"));
    }

    @WhenTheServiceStops
    void serviceStopping() {
        closing = true;
    }
}
