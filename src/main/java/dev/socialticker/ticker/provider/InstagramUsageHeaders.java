package dev.socialticker.ticker.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.store.QuotaUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;

/**
 * Reads the Graph API usage headers: {@code X-App-Usage} (percent of the app's limits) and
 * {@code X-Business-Use-Case-Usage} (percent per business use case, plus minutes until a
 * throttled app regains access). Absent or unreadable headers mean "unknown", never zero.
 */
public final class InstagramUsageHeaders {
    public static final String APP_USAGE = "X-App-Usage";
    public static final String BUSINESS_USE_CASE = "X-Business-Use-Case-Usage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstagramUsageHeaders() {
    }

    /** The quota facts of one answer, or null when the upstream sent none. */
    public static QuotaUsage parse(String appUsage, String businessUseCaseUsage) {
        Integer percent = max(highestPercent(read(appUsage)), highestBucPercent(read(businessUseCaseUsage)));
        Duration regain = regainAccess(businessUseCaseUsage);
        if (percent == null && regain == null) {
            return null;
        }
        return new QuotaUsage(percent, regain == null ? null : (int) regain.toMinutes());
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) when it is above zero, else null. */
    public static Duration regainAccess(String businessUseCaseUsage) {
        int minutes = 0;
        for (JsonNode entry : bucEntries(read(businessUseCaseUsage))) {
            minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asInt(0));
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private static Integer highestBucPercent(JsonNode buc) {
        Integer highest = null;
        for (JsonNode entry : bucEntries(buc)) {
            highest = max(highest, highestPercent(entry));
        }
        return highest;
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

    private static Integer highestPercent(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        Integer highest = null;
        for (String field : new String[] {"call_count", "total_cputime", "total_time"}) {
            JsonNode value = usage.path(field);
            if (value.isNumber()) {
                highest = max(highest, value.intValue());
            }
        }
        return highest;
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
