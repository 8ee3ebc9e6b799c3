package dev.socialticker.ticker.api;

import dev.socialticker.ticker.domain.HttpDates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The page, the big screen and their assets (frontend/src, packaged under {@code static/}), served
 * from memory: about twenty small files, read once at start.
 *
 * <p>Each answer carries a strong {@code ETag} and {@code Last-Modified}, and a short
 * {@code Cache-Control} (Spring Boot's {@code spring.web.resources.cache.cachecontrol.*}, five minutes
 * by default), so a deploy reaches every browser and cache within minutes without a fingerprinting
 * build step; a revalidation that matches is a {@code 304}. Written here rather than with vertx-web's
 * {@code StaticHandler}, which sends no entity tag, marks every file {@code immutable}, and copies
 * classpath files into a cache folder on disk (a read-only container has none to write).
 *
 * <p>{@code /} is {@code index.html} and {@code /screen} is {@code screen.html}: the address and its
 * query (the screen's settings) stay as typed.
 */
final class PageAssets {
    static final String SCREEN_PATH = "/screen";
    private static final String LOCATION = "classpath:static/";

    private record Asset(Buffer body, String contentType, String etag, String lastModified, Instant modified) {}

    private final Map<String, Asset> assets;
    private final String cacheControl;
    private final Clock clock;

    private PageAssets(Map<String, Asset> assets, String cacheControl, Clock clock) {
        this.assets = Map.copyOf(assets);
        this.cacheControl = cacheControl;
        this.clock = clock;
    }

    /**
     * Reads every file under {@code static/} on the class path.
     *
     * @param maxAge how long a browser or a cache may keep a file before it revalidates
     */
    static PageAssets load(Duration maxAge, Clock clock) {
        Map<String, Asset> assets = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION + "**");
            for (Resource resource : resources) {
                if (!resource.isReadable()
                        || resource.getFilename() == null
                        || resource.getFilename().isEmpty()) {
                    continue; // a folder
                }
                String path = "/" + pathOf(resource);
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                Instant modified = Instant.ofEpochMilli(resource.lastModified()).truncatedTo(ChronoUnit.SECONDS);
                assets.put(
                        path,
                        new Asset(
                                Buffer.buffer(bytes),
                                contentType(path),
                                etag(bytes),
                                HttpDates.format(modified),
                                modified));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the page's files", unreadable);
        }
        alias(assets, "/", "/index.html");
        alias(assets, SCREEN_PATH, "/screen.html");
        return new PageAssets(assets, "max-age=" + maxAge.toSeconds() + ", public", clock);
    }

    /** Answers a GET for a file of the page, or passes the request on (a JSON 404 at the end). */
    void serve(RoutingContext context) {
        Asset asset = assets.get(context.normalizedPath());
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
            for (String tag : match.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.equals(asset.etag()) || candidate.equals("W/" + asset.etag())) {
                    return true;
                }
            }
            return false;
        }
        String since = context.request().getHeader("If-Modified-Since");
        if (since == null) {
            return false;
        }
        Optional<Instant> at = HttpDates.parse(since, clock);
        return at.isPresent() && !asset.modified().isAfter(at.get());
    }

    private static String pathOf(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf("/static/");
        return url.substring(at + "/static/".length());
    }

    private static void alias(Map<String, Asset> assets, String alias, String path) {
        Asset asset = assets.get(path);
        if (asset != null) {
            assets.put(alias, asset);
        }
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

    /** A strong tag of the bytes: a change of the file is a change of the tag. */
    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
