package dev.socialticker.ticker.api;

import dev.socialticker.ticker.api.HistoryDocument.PointDocument;
import dev.socialticker.ticker.config.NamedTickers;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.HttpDates;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.history.HistoryArchive;
import dev.socialticker.ticker.history.Step;
import dev.socialticker.ticker.json.JsonDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Answers {@code GET /api/metrics/{id}/history}, the sum over every source,
 * {@code GET /api/metrics/history}, and a named ticker's, {@code GET /api/tickers/{name}/history}, in
 * JSON or CSV. The points are counted before any is made, so a
 * range past {@code ticker.history.max-points} costs a binary search, not a list. Unlike the main
 * body, each answer is made per request: its range is the request's own.
 *
 * <p>Caching follows the range: one that reaches now ends where new readings land, so it is cached
 * as long as the main body (until the data turns stale); a closed one changes only by compaction
 * (raw readings and hours past their retention) or a backfill (days), so an hour, a day for days.
 */
@Component
class HistoryResponder {
    static final String CSV = "text/csv; charset=utf-8";
    static final String CSV_HEADER = "at,count,min,max\n";
    /** How long a closed range of readings or hours, and of days, may be cached. */
    static final Duration CLOSED_FINE = Duration.ofHours(1);

    static final Duration CLOSED_DAYS = Duration.ofDays(1);

    private final HistoryArchive book;
    private final SourceCatalog catalog;
    private final MetricsRenderer renderer;
    private final MetricsResponder metrics;
    private final Clock clock;
    private final JsonDocuments json;
    private final NamedTickers tickers;

    HistoryResponder(
            HistoryArchive book,
            SourceCatalog catalog,
            MetricsRenderer renderer,
            MetricsResponder metrics,
            Clock clock,
            JsonDocuments json,
            NamedTickers tickers) {
        this.book = book;
        this.catalog = catalog;
        this.tickers = tickers;
        this.renderer = renderer;
        this.metrics = metrics;
        this.clock = clock;
        this.json = json;
    }

    /** {@code GET /api/metrics/{id}/history}. */
    void one(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (!ApiProblems.isValidId(id)) {
            throw ApiProblems.invalidId();
        }
        TickerSource source = catalog.find(id).orElseThrow(() -> ApiProblems.unknownId(id));
        respond(exchange, List.of(source), false, false, renderer.sourceBody(id));
    }

    /** {@code GET /api/metrics/history}: every configured source (or those {@code sources} names) added up. */
    void sum(Exchange exchange) {
        respond(exchange, catalog.all(), true, true, renderer.view().aggregate());
    }

    /**
     * {@code GET /api/tickers/{name}/history}: a named ticker's sources added up, as the sum limited to
     * them would be, without an address that lists them all (a ticker of hundreds of sources would not
     * fit in a request line).
     */
    void ticker(Exchange exchange) {
        String name = exchange.getIn().getHeader("name", String.class);
        if (!ApiProblems.isValidId(name)) {
            throw ApiProblems.invalidTickerName();
        }
        List<TickerSource> sources = tickers.all().get(name);
        RenderedBody live = renderer.view().byTicker().get(name);
        if (sources == null || live == null) {
            throw ApiProblems.unknownTicker(name);
        }
        respond(exchange, sources, true, false, live);
    }

    /**
     * @param sum       the sum's answer ({@code "sources"}), not one source's ({@code "id"})
     * @param limitable the sum of every source, which {@code sources} may limit
     * @param live the main body of the same sources: an open range is cached as long as it is
     */
    private void respond(
            Exchange exchange, List<TickerSource> sources, boolean sum, boolean limitable, RenderedBody live) {
        if (!book.enabled()) {
            throw ApiProblems.historyDisabled();
        }
        Instant now = clock.instant();
        Message in = exchange.getIn();
        HistoryQuery query = HistoryQuery.parse(in.getHeader(Exchange.HTTP_QUERY, String.class), now);
        if (query.sources() != null) {
            if (!sum || !limitable) {
                throw ApiProblems.sourcesOfASum();
            }
            sources = named(query.sources());
        }
        boolean csv = query.format() == null
                ? prefersCsv(in.getHeader("Accept", String.class))
                : query.format().equals("csv");
        List<HistoryPoint> points = points(sources, query);

        byte[] bytes = csv ? csv(points) : json(sources, sum, query, points);
        String etag = MetricsRenderer.strongEtag(bytes);
        String ifNoneMatch = in.getHeader("If-None-Match", String.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.CONTENT_TYPE, csv ? CSV : "application/json");
        message.setHeader("ETag", etag);
        if (!points.isEmpty()) {
            message.setHeader(
                    "Last-Modified",
                    HttpDates.format(points.get(points.size() - 1).at()));
        }
        message.setHeader("Cache-Control", cacheControl(query, live, now));
        if (query.format() == null) {
            // The same URL answers JSON or CSV by Accept: a cache must keep them apart.
            message.setHeader("Vary", "Accept");
        }
        if (MetricsResponder.matches(ifNoneMatch, etag)) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        ResponseBody.set(message, bytes);
    }

    /**
     * The sources a sum is limited to, in configuration order (as an unlimited sum lists them); 404
     * for an id no source has.
     */
    private List<TickerSource> named(List<String> ids) {
        for (String id : ids) {
            catalog.find(id).orElseThrow(() -> ApiProblems.unknownId(id));
        }
        return catalog.all().stream()
                .filter(source -> ids.contains(source.id()))
                .toList();
    }

    /** The points asked for, refused before they are made when there would be too many. */
    private List<HistoryPoint> points(List<TickerSource> sources, HistoryQuery query) {
        int limit = book.maxPoints();
        for (TickerSource source : sources) {
            // A sum has at least as many points as any of its parts.
            if (book.count(source.id(), query.step(), query.from(), query.to()) > limit) {
                throw ApiProblems.tooManyPoints(limit, query.step().label());
            }
        }
        if (sources.size() == 1) {
            return book.points(sources.get(0).id(), query.step(), query.from(), query.to());
        }
        List<HistoryPoint> points = book.summed(sources, query.step(), query.from(), query.to(), limit + 1);
        if (points.size() > limit) {
            throw ApiProblems.tooManyPoints(limit, query.step().label());
        }
        return points;
    }

    private String cacheControl(HistoryQuery query, RenderedBody live, Instant now) {
        if (query.openAt(now)) {
            return metrics.cacheControl(live == null ? null : live.freshUntil(), now);
        }
        Duration maxAge = query.step() == Step.DAY ? CLOSED_DAYS : CLOSED_FINE;
        return "public, max-age=" + maxAge.toSeconds();
    }

    /**
     * Whether {@code Accept} prefers CSV to JSON (RFC 9110 §12.5.1): each type takes the quality of
     * the most specific range that matches it ({@code text/csv} over {@code text/*} over
     * {@code *}{@code /*}); CSV when its quality is higher, or equal and named more specifically.
     * Anything else is JSON, the default.
     */
    static boolean prefersCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double[] csv = {0, -1}; // quality, specificity of the range it came from
        double[] json = {0, -1};
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException malformed) {
                        quality = 0;
                    }
                }
            }
            match(csv, type, "text/csv", quality);
            match(json, type, "application/json", quality);
        }
        return csv[0] > json[0] || (csv[0] > 0 && csv[0] == json[0] && csv[1] > json[1]);
    }

    /** Keeps {@code range}'s quality for {@code type} when it matches more specifically than before. */
    private static void match(double[] best, String range, String type, double quality) {
        int specificity;
        if (range.equals(type)) {
            specificity = 2;
        } else if (range.equals(type.substring(0, type.indexOf('/')) + "/*")) {
            specificity = 1;
        } else if (range.equals("*/*")) {
            specificity = 0;
        } else {
            return;
        }
        if (specificity > best[1]) {
            best[0] = quality;
            best[1] = specificity;
        }
    }

    private byte[] json(List<TickerSource> sources, boolean sum, HistoryQuery query, List<HistoryPoint> points) {
        HistoryDocument document = new HistoryDocument(
                sum ? null : sources.get(0).id(),
                sum ? sources.stream().map(TickerSource::id).toList() : null,
                query.step().label(),
                iso(query.from()),
                iso(query.to()),
                points.stream()
                        .map(point -> new PointDocument(iso(point.at()), point.count(), point.min(), point.max()))
                        .toList());
        return json.write(document);
    }

    static byte[] csv(List<HistoryPoint> points) {
        StringBuilder text = new StringBuilder(CSV_HEADER.length() + points.size() * 40).append(CSV_HEADER);
        for (HistoryPoint point : points) {
            text.append(iso(point.at()))
                    .append(',')
                    .append(point.count())
                    .append(',')
                    .append(point.min())
                    .append(',')
                    .append(point.max())
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
