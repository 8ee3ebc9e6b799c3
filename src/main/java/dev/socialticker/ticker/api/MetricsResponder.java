package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.FormatProperties;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.format.BadgeSvg;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.refresh.RefreshDemand;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.refresh.RefreshHeaders;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Answers {@code GET /api/metrics} and {@code GET /api/metrics/{id}} from the rendered view: no
 * upstream I/O, no serialisation of unchanged data. Sets the exchange property
 * {@link RefreshHeaders#STALE_SOURCES} when the answer is stale and this read is the one to ask for a
 * refresh ({@link RefreshDemand}), for the route to send on.
 */
@Component
class MetricsResponder {
    /** How long a cache may keep serving stale data when revalidation fails (RFC 5861). */
    static final Duration STALE_IF_ERROR = Duration.ofDays(1);

    private final MetricsRenderer renderer;
    private final RefreshGate gate;
    private final RefreshDemand demand;
    private final Clock clock;
    private final String staleWhileRevalidate;
    private final Duration headroom;
    private final BadgeLabel label;

    MetricsResponder(
            MetricsRenderer renderer,
            RefreshGate gate,
            RefreshDemand demand,
            Clock clock,
            RefreshSchedule schedule,
            FormatProperties formats,
            ProviderDisplays displays) {
        this.renderer = renderer;
        this.label = new BadgeLabel(formats, displays);
        this.gate = gate;
        this.demand = demand;
        this.clock = clock;
        this.staleWhileRevalidate = ", stale-while-revalidate="
                + schedule.period().toSeconds() + ", stale-if-error=" + STALE_IF_ERROR.toSeconds();
        this.headroom = cacheHeadroom(schedule.period(), schedule.staleAfter());
    }

    /**
     * How long before {@code staleAt} a cached copy stops being fresh: half the time between the
     * next refresh being due and the data turning stale. A shared cache may hand out a copy until
     * the last second of its {@code max-age}; ending it this much earlier lets the cache fetch the
     * next copy (refreshed meanwhile) and a page polling at least this often read it before the
     * copy it shows passes {@code staleAt}. None when stale-after leaves no time past a period.
     */
    static Duration cacheHeadroom(Duration period, Duration staleAfter) {
        Duration spare = staleAfter.minus(period);
        return spare.isNegative() ? Duration.ZERO : spare.dividedBy(2);
    }

    /**
     * The {@code Cache-Control} of an answer from data that turns stale at {@code freshUntil} (null:
     * stale already): {@code max-age} up to then, less the headroom. The history's open ranges
     * answer with the same.
     */
    String cacheControl(Instant freshUntil, Instant now) {
        long maxAge = freshUntil == null
                ? 0
                : Math.max(0, Duration.between(now, freshUntil.minus(headroom)).toSeconds());
        return "public, max-age=" + maxAge + staleWhileRevalidate;
    }

    void all(Exchange exchange) {
        respond(exchange, renderer.view().aggregate(), queried(exchange));
    }

    /** {@code GET /api/metrics/badge.svg}: the total's SVG badge. */
    void allBadge(Exchange exchange) {
        respond(exchange, renderer.view().aggregate(), MetricsFormat.BADGE);
    }

    /** The format {@code ?format=} asks for; null for the contract's JSON. */
    private static MetricsFormat queried(Exchange exchange) {
        return MetricsFormat.ofQuery(exchange.getIn().getHeader("format", String.class));
    }

    void one(Exchange exchange) {
        respondByName(
                exchange,
                "id",
                renderer::sourceBody,
                ApiProblems::invalidId,
                ApiProblems::unknownId,
                queried(exchange));
    }

    /** {@code GET /api/metrics/{id}/badge.svg}: one source's SVG badge. */
    void oneBadge(Exchange exchange) {
        respondByName(
                exchange,
                "id",
                renderer::sourceBody,
                ApiProblems::invalidId,
                ApiProblems::unknownId,
                MetricsFormat.BADGE);
    }

    /** {@code GET /api/tickers/{name}}: a named ticker's sources, shaped as {@code GET /api/metrics}. */
    void ticker(Exchange exchange) {
        respondByName(
                exchange,
                "name",
                renderer.view().byTicker()::get,
                ApiProblems::invalidTickerName,
                ApiProblems::unknownTicker,
                queried(exchange));
    }

    /** {@code GET /api/tickers/{name}/badge.svg}: a named ticker's SVG badge. */
    void tickerBadge(Exchange exchange) {
        respondByName(
                exchange,
                "name",
                renderer.view().byTicker()::get,
                ApiProblems::invalidTickerName,
                ApiProblems::unknownTicker,
                MetricsFormat.BADGE);
    }

    /**
     * The body named by the path parameter {@code parameter}: 400 when malformed, 404 when unknown;
     * for a badge, those answers are badges too ({@link #refuseWithBadge}).
     */
    private void respondByName(
            Exchange exchange,
            String parameter,
            Function<String, RenderedBody> bodies,
            Supplier<ApiRejection> malformed,
            Function<String, ApiRejection> unknown,
            MetricsFormat format) {
        String name = exchange.getIn().getHeader(parameter, String.class);
        ApiRejection rejection;
        if (!ApiProblems.isValidId(name)) {
            rejection = malformed.get();
        } else {
            RenderedBody body = bodies.apply(name);
            if (body != null) {
                respond(exchange, body, format);
                return;
            }
            rejection = unknown.apply(name);
        }
        if (format == MetricsFormat.BADGE) {
            refuseWithBadge(exchange, rejection, rejection.status() == 404 ? "not found" : "invalid " + parameter);
        } else {
            throw rejection;
        }
    }

    /**
     * A badge is read by an {@code <img>}, which shows a JSON error as a broken image: a badge that
     * names no source or ticker answers its status with a badge saying so ({@code followers | not
     * found}), the rejection's message in its title.
     */
    private void refuseWithBadge(Exchange exchange, ApiRejection rejection, String words) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, rejection.status());
        message.setHeader(Exchange.CONTENT_TYPE, MetricsFormat.BADGE.contentType());
        message.setHeader("Cache-Control", "no-store");
        ResponseBody.set(
                message,
                BadgeSvg.refused(label.ofNone(), words, rejection.getMessage()).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with {@code body} in {@code format} (null: the contract's JSON). */
    private void respond(Exchange exchange, RenderedBody body, MetricsFormat format) {
        RenderedBody.Alternative alternative =
                format == null ? null : body.formats().get(format);
        byte[] bytes = alternative == null ? body.json() : alternative.bytes();
        String etag = alternative == null ? body.etag() : alternative.etag();
        // A badge or a device shows "no data" with a 200; the contract's JSON and Smiirl's answer 503.
        boolean unavailable = body.noData() && (format == null || !format.answersWithoutData());
        Message message = exchange.getMessage();
        String ifNoneMatch = message.getHeader("If-None-Match", String.class);
        // Camel's HTTP binding puts the request's headers on the message; the answer starts from none.
        message.removeHeaders("*");
        Instant now = clock.instant();
        message.setHeader(Exchange.CONTENT_TYPE, format == null ? "application/json" : format.contentType());
        message.setHeader("ETag", etag);
        message.setHeader("Last-Modified", body.lastModified());
        if (body.noData()) {
            message.setHeader("Cache-Control", "no-store");
            if (unavailable) {
                message.setHeader("Retry-After", retryAfterSeconds(body.staleSources(), now));
            }
        } else {
            message.setHeader("Cache-Control", cacheControl(body.freshUntil(), now));
        }
        // O(1) whatever the number of sources: one read at a time hands its body's stale sources (a
        // list rendered with it) to the refresher, which decides what to call.
        if (!body.staleSources().isEmpty() && demand.claim(body.staleSources())) {
            exchange.setProperty(RefreshHeaders.STALE_SOURCES, body.staleSources());
        }
        if (!body.noData() && matches(ifNoneMatch, etag)) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, unavailable ? 503 : 200);
        ResponseBody.set(message, bytes);
    }

    /**
     * When a client should ask again: in a second while a refresh is running (it usually ends in
     * well under one), else when the next refresh may start; at least 1 s.
     */
    private long retryAfterSeconds(List<TickerSource> waiting, Instant now) {
        if (waiting.stream().anyMatch(s -> gate.inFlight(s.id()))) {
            return 1;
        }
        long seconds = waiting.stream()
                .map(s -> Duration.between(now, gate.nextAttemptAt(s.id())).toSeconds())
                .min(Long::compare)
                .orElse(0L);
        return Math.max(1, seconds);
    }

    /** If-None-Match: a list of tags or {@code *}; weak comparison, as RFC 9110 §13.1.2 asks. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
