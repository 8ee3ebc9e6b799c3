package dev.socialticker.ticker.api;

import dev.socialticker.ticker.history.Step;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query of a history read: {@code from}, {@code to} (ISO-8601 instants, or dates: a day's start
 * for {@code from}, its end for {@code to}, UTC), {@code step} ({@code raw}, {@code hour} by default,
 * {@code day}) and {@code format} ({@code json}, {@code csv}, or absent: by {@code Accept}). Read from
 * the request's query string itself, not from Camel's headers, which also carry the request's HTTP
 * headers (a crawler's {@code From: bot@example.com} must not be read as the range's start).
 *
 * @param format {@code json} or {@code csv} as asked for, or null when the Accept header decides
 * @param sources the ids a sum is limited to ({@code sources=a,b}; each a valid id, none twice), or
 *     null when the query names none
 */
record HistoryQuery(Step step, Instant from, Instant to, String format, List<String> sources) {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A range with no {@code from} reaches this far back from {@code to}. */
    static Duration defaultSpan(Step step) {
        return switch (step) {
            case RAW -> Duration.ofDays(1);
            case HOUR -> Duration.ofDays(7);
            case DAY -> Duration.ofDays(365);
        };
    }

    /** Parses a raw query string (null: none); defaults {@code to} to {@code now}. */
    static HistoryQuery parse(String query, Instant now) {
        Map<String, String> parameters = parameters(query);
        String stepText = parameters.get("step");
        Step step = stepText == null
                ? Step.HOUR
                : Step.parse(stepText).orElseThrow(() -> ApiProblems.invalidStep(stepText));
        String toText = parameters.get("to");
        Instant to = toText == null ? now : instant("to", toText, true);
        String fromText = parameters.get("from");
        Instant from = fromText == null ? to.minus(defaultSpan(step)) : instant("from", fromText, false);
        if (from.isAfter(to)) {
            throw ApiProblems.invalidRange(from, to);
        }
        String format = parameters.get("format");
        if (format != null) {
            format = format.toLowerCase(Locale.ROOT);
            if (!format.equals("json") && !format.equals("csv")) {
                throw ApiProblems.invalidHistoryFormat();
            }
        }
        String sources = parameters.get("sources");
        return new HistoryQuery(step, from, to, format, sources == null ? null : ids(sources));
    }

    /** {@code a,b}: source ids, each valid, in the order given, a repeated one once. */
    private static List<String> ids(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : text.split(",", -1)) {
            String trimmed = id.trim();
            if (!ApiProblems.isValidId(trimmed)) {
                throw ApiProblems.invalidSources(text);
            }
            ids.add(trimmed);
        }
        return List.copyOf(ids);
    }

    /** The range is still open: it reaches {@code now}, so new readings may still land in it. */
    boolean openAt(Instant now) {
        return !to.isBefore(now);
    }

    private static Instant instant(String name, String text, boolean endOfDay) {
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay
                        ? date.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusSeconds(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException malformed) {
            throw ApiProblems.invalidInstant(name, text);
        }
    }

    /** The query's parameters, decoded; one given twice is refused rather than guessed at. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw ApiProblems.repeatedParameter(name);
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new ApiRejection(400, "BAD_REQUEST", "The query string is not URL-encoded correctly");
        }
    }
}
