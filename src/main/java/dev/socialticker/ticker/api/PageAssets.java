package dev.socialticker.ticker.api;

import dev.socialticker.ticker.domain.HttpDates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The page, the big screen and their assets (frontend/src, packaged under {@code static/}), from
 * Spring Boot's {@code spring.web.resources.static-locations} (the class path's {@code static/} and
 * its siblings by default; a folder when an operator serves a page of their own).
 *
 * <p>Each answer carries a strong {@code ETag} and {@code Last-Modified}, and a short
 * {@code Cache-Control} (Spring Boot's {@code spring.web.resources.cache.cachecontrol.*}, five minutes
 * by default), so a deploy reaches every browser and cache within minutes without a fingerprinting
 * build step; a revalidation that matches is a {@code 304}. A file is read once and kept in memory
 * with its tag; one in a folder is read again when it changes (its modification time), one inside
 * the jar never changes. Written here rather than with vertx-web's {@code StaticHandler}, which
 * sends no entity tag, marks every file {@code immutable}, and copies classpath files into a cache
 * folder on disk (a read-only container has none to write).
 *
 * <p>{@code /} is {@code index.html}, {@code /screen} is {@code screen.html}, {@code /charts} is
 * {@code charts.html} and {@code /status} is {@code status.html}: the address and its query (the
 * page's settings) stay as typed.
 */
final class PageAssets {
    static final String SCREEN_PATH = "/screen";
    private static final Map<String, String> ALIASES = Map.of(
            "/", "/index.html", SCREEN_PATH, "/screen.html", "/charts", "/charts.html", "/status", "/status.html");

    /** A file as served; {@code version} is its modification time when it lives in a folder, else 0. */
    private record Asset(
            Buffer body, String contentType, String etag, String lastModified, Instant modified, long version) {}

    private final List<String> locations;
    private final ResourceLoader loader;
    private final String cacheControl;
    private final Clock clock;
    private final Map<String, Asset> read = new ConcurrentHashMap<>();

    PageAssets(List<String> locations, ResourceLoader loader, Duration maxAge, Clock clock) {
        this.locations = locations.stream()
                .map(location -> location.endsWith("/") ? location : location + "/")
                .toList();
        this.loader = loader;
        this.cacheControl = "max-age=" + maxAge.toSeconds() + ", public";
        this.clock = clock;
    }

    /** Answers a GET for a file of the page, or passes the request on (a JSON 404 at the end). */
    void serve(RoutingContext context) {
        Asset asset = find(context.normalizedPath());
        if (asset == null) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response()
                .putHeader("Cache-Control", cacheControl)
                .putHeader("ETag", asset.etag())
                .putHeader("Last-Modified", asset.lastModified());
        if (notModified(context, asset)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("Content-Type", asset.contentType()).end(asset.body());
    }

    private boolean notModified(RoutingContext context, Asset asset) {
        String match = context.request().getHeader("If-None-Match");
        if (match != null) {
            // The API's own comparison: one rule for every ETag the service hands out.
            return MetricsResponder.matches(match, asset.etag());
        }
        String since = context.request().getHeader("If-Modified-Since");
        if (since == null) {
            return false;
        }
        Optional<Instant> at = HttpDates.parse(since, clock);
        return at.isPresent() && !asset.modified().isAfter(at.get());
    }

    /** The file at {@code path} in the first location that has it; null when none has. */
    private Asset find(String path) {
        String file = ALIASES.getOrDefault(path, path);
        if (file.endsWith("/") || file.contains("\\")) {
            return null; // a folder (no listing), or a path no file of the page has
        }
        for (String location : locations) {
            Resource resource = loader.getResource(location + file.substring(1));
            try {
                if (!resource.exists() || !resource.isReadable()) {
                    continue;
                }
                long version = resource.isFile() ? resource.lastModified() : 0;
                Asset known = read.get(resource.getURL().toString());
                if (known != null && known.version() == version) {
                    return known;
                }
                Asset fresh = read(resource, file, version);
                read.put(resource.getURL().toString(), fresh);
                return fresh;
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Cannot read " + file + " of the page", unreadable);
            }
        }
        return null;
    }

    private static Asset read(Resource resource, String file, long version) throws IOException {
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        }
        Instant modified = Instant.ofEpochMilli(resource.lastModified()).truncatedTo(ChronoUnit.SECONDS);
        return new Asset(
                Buffer.buffer(bytes),
                contentType(file),
                MetricsRenderer.strongEtag(bytes),
                HttpDates.format(modified),
                modified,
                version);
    }

    private static String contentType(String path) {
        String type = MediaTypeFactory.getMediaType(path)
                .orElse(MediaType.APPLICATION_OCTET_STREAM)
                .toString();
        String lower = type.toLowerCase(Locale.ROOT);
        boolean text = lower.startsWith("text/")
                || lower.endsWith("javascript")
                || lower.endsWith("json")
                || lower.endsWith("+xml");
        return text ? type + ";charset=UTF-8" : type;
    }
}
