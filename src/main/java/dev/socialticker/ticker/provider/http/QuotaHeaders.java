package dev.socialticker.ticker.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the quota facts upstreams send as response headers, whichever provider sent them, so a
 * provider file never has to:
 * <ul>
 * <li>Graph API: {@code X-App-Usage} (percent of the app's limits) and {@code X-Business-Use-Case-Usage}
 * (percent per business use case, plus minutes until a throttled app regains access);</li>
 * <li>rate-limit headers ({@code X-RateLimit-*} as GitHub and Discord send them, {@code RateLimit-*} as
 * Bluesky does, {@code x-rate-limit-*} as X does): limit, remaining, and the reset time (epoch seconds,
 * or seconds from now when small; Discord's and Reddit's carry a fraction, dropped).</li>
 * </ul>
 * Absent or unreadable headers mean "unknown", never zero.
 */
public final class QuotaHeaders {
    public static final String APP_USAGE = "X-App-Usage";
    public static final String BUSINESS_USE_CASE = "X-Business-Use-Case-Usage";
    /** Quota kind of the rate-limit headers; the Graph API's kinds are its own field names. */
    public static final String RATE_LIMIT = "rate_limit";

    private static final String[] GRAPH_KINDS = {"call_count", "total_cputime", "total_time"};
    /** The rate-limit header families, the first one an answer carries being read. */
    private static final String[] RATE_LIMIT_PREFIXES = {"X-RateLimit-", "RateLimit-", "X-Rate-Limit-"};

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reset values above this are epoch seconds (2001 onwards); below, seconds from now. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    private QuotaHeaders() {}

    /**
     * The quota facts of one answer, or null when the upstream sent none.
     *
     * @param header a response header by name (case-insensitive), or null when absent
     */
    public static QuotaUsage read(Function<String, String> header, Instant now) {
        QuotaUsage graph = parse(header.apply(APP_USAGE), header.apply(BUSINESS_USE_CASE));
        QuotaUsage rate = null;
        for (int i = 0; rate == null && i < RATE_LIMIT_PREFIXES.length; i++) {
            rate = rateLimit(header, RATE_LIMIT_PREFIXES[i], now);
        }
        if (graph == null || rate == null) {
            return graph != null ? graph : rate;
        }
        Map<String, Integer> kinds = new TreeMap<>(graph.usedPercentByKind());
        rate.usedPercentByKind().forEach((kind, percent) -> kinds.merge(kind, percent, Math::max));
        return new QuotaUsage(
                max(graph.usedPercent(), rate.usedPercent()),
                max(graph.regainAccessMinutes(), rate.regainAccessMinutes()),
                kinds);
    }

    /** True for a response header the service reads quota facts or a wait from (and --try shows). */
    public static boolean isRead(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("retry-after")
                || lower.equalsIgnoreCase(APP_USAGE)
                || lower.equalsIgnoreCase(BUSINESS_USE_CASE)
                || Arrays.stream(RATE_LIMIT_PREFIXES)
                        .anyMatch(prefix -> lower.startsWith(prefix.toLowerCase(Locale.ROOT)));
    }

    /** How long until a spent rate limit resets, or null when it is not spent or the headers do not say. */
    public static Duration rateLimitReset(Function<String, String> header, Instant now) {
        for (String prefix : RATE_LIMIT_PREFIXES) {
            Long remaining = number(header.apply(prefix + "Remaining"));
            Long reset = number(header.apply(prefix + "Reset"));
            if (remaining != null && remaining == 0 && reset != null) {
                return reset > EPOCH_THRESHOLD
                        ? RetryAfter.until(Instant.ofEpochSecond(reset), now)
                        : RetryAfter.capped(Duration.ofSeconds(reset));
            }
        }
        return null;
    }

    private static QuotaUsage rateLimit(Function<String, String> header, String prefix, Instant now) {
        Long limit = number(header.apply(prefix + "Limit"));
        Long remaining = number(header.apply(prefix + "Remaining"));
        Long used = number(header.apply(prefix + "Used"));
        if (limit == null && used != null && remaining != null) {
            limit = used + remaining; // Reddit sends what was used and what remains, not the limit
        }
        if (limit == null || remaining == null || limit <= 0) {
            return null;
        }
        int percent = (int) Math.max(0, Math.min(100, Math.round(100.0 * (limit - remaining) / limit)));
        Duration reset = remaining == 0 ? rateLimitReset(header, now) : null;
        return new QuotaUsage(
                percent,
                reset == null ? null : (int) Math.ceil(reset.getSeconds() / 60.0),
                Map.of(RATE_LIMIT, percent));
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        // RateLimit-Limit may carry a policy after the number ("100;w=3600"); Discord's reset a fraction
        // of a second ("1470173023.123"), Reddit's used and remaining counts a ".0": the whole part is read.
        String number = value.trim().split("[;,\\s]", 2)[0];
        return number.matches("\\d{1,18}(\\.\\d+)?") ? Long.parseLong(number.replaceFirst("\\..*", "")) : null;
    }

    /** The quota facts of the Graph API usage headers, or null when it sent none. */
    static QuotaUsage parse(String appUsage, String businessUseCaseUsage) {
        Map<String, Integer> kinds = new TreeMap<>();
        percentsByKind(read(appUsage), kinds);
        for (JsonNode entry : bucEntries(read(businessUseCaseUsage))) {
            percentsByKind(entry, kinds);
        }
        Integer percent = kinds.values().stream().max(Integer::compare).orElse(null);
        Duration regain = regainAccess(businessUseCaseUsage);
        if (percent == null && regain == null) {
            return null;
        }
        return new QuotaUsage(percent, regain == null ? null : (int) regain.toMinutes(), kinds);
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) when it is above zero, else null. */
    public static Duration regainAccess(String businessUseCaseUsage) {
        int minutes = 0;
        for (JsonNode entry : bucEntries(read(businessUseCaseUsage))) {
            minutes = Math.max(
                    minutes, entry.path("estimated_time_to_regain_access").asInt(0));
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private static Iterable<JsonNode> bucEntries(JsonNode buc) {
        java.util.List<JsonNode> entries = new java.util.ArrayList<>();
        if (buc != null && buc.isObject()) {
            for (Iterator<JsonNode> ids = buc.elements(); ids.hasNext(); ) {
                ids.next().forEach(entries::add);
            }
        }
        return entries;
    }

    /** Adds one usage object's percentages to {@code kinds}, keeping the highest per kind. */
    private static void percentsByKind(JsonNode usage, Map<String, Integer> kinds) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        for (String field : GRAPH_KINDS) {
            JsonNode value = usage.path(field);
            if (value.isNumber()) {
                kinds.merge(field, value.intValue(), Math::max);
            }
        }
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static JsonNode read(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(header);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
