package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceProperties;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes the API's answers that carry no metrics: rejections (JSON) and empty successes. */
@Component
class ApiProblems {
    private static final Pattern ID = Pattern.compile(SourceProperties.ID_PATTERN);

    static ApiRejection invalidId() {
        return new ApiRejection(400, "INVALID_SOURCE_ID", "A source id matches " + SourceProperties.ID_PATTERN);
    }

    static ApiRejection unknownId(String id) {
        return new ApiRejection(404, "SOURCE_NOT_FOUND", "No source has the id '" + id + "'");
    }

    static ApiRejection invalidTickerName() {
        return new ApiRejection(400, "INVALID_TICKER_NAME", "A ticker's name matches " + SourceProperties.ID_PATTERN);
    }

    static ApiRejection unknownTicker(String name) {
        return new ApiRejection(404, "TICKER_NOT_FOUND", "No ticker is named '" + name + "' (ticker.tickers)");
    }

    static ApiRejection unknownFormat() {
        return new ApiRejection(
                400,
                "INVALID_FORMAT",
                "format must be smiirl, shields, lametric or awtrix, or absent for the standard JSON");
    }

    static ApiRejection invalidStep(String step) {
        return new ApiRejection(400, "INVALID_STEP", "step must be raw, hour or day, not '" + shown(step) + "'");
    }

    static ApiRejection invalidInstant(String parameter, String value) {
        return new ApiRejection(
                400,
                "INVALID_" + parameter.toUpperCase(Locale.ROOT),
                parameter + " must be an ISO-8601 instant (2026-11-01T00:00:00Z; an offset's + written %2B) or a date"
                        + " (2026-11-01), not '" + shown(value) + "'");
    }

    static ApiRejection invalidRange(Instant from, Instant to) {
        return new ApiRejection(400, "INVALID_RANGE", "from (" + from + ") is after to (" + to + ")");
    }

    static ApiRejection invalidHistoryFormat() {
        return new ApiRejection(
                400, "INVALID_FORMAT", "format must be json or csv, or absent to follow the Accept header");
    }

    static ApiRejection invalidSources(String sources) {
        return new ApiRejection(
                400,
                "INVALID_SOURCE_ID",
                "sources lists source ids separated by commas, each matching " + SourceProperties.ID_PATTERN + ", not '"
                        + shown(sources) + "'");
    }

    static ApiRejection sourcesOfASum() {
        return new ApiRejection(
                400,
                "BAD_REQUEST",
                "sources limits the sum of every source (GET /api/metrics/history); one source's history and a"
                        + " named ticker's have none");
    }

    static ApiRejection repeatedParameter(String name) {
        return new ApiRejection(
                400, "BAD_REQUEST", "The query parameter '" + shown(name) + "' is given more than once");
    }

    static ApiRejection tooManyPoints(int limit, String step) {
        return new ApiRejection(
                400,
                "TOO_MANY_POINTS",
                "The range holds more than " + limit + " points at step=" + step
                        + " (ticker.history.max-points): ask for a coarser step (hour, day) or a narrower range");
    }

    static ApiRejection historyDisabled() {
        return new ApiRejection(404, "HISTORY_DISABLED", "No history is kept (ticker.history.enabled=false)");
    }

    /** A value quoted in a message: cut short, and only printable ASCII, so a message stays one safe line. */
    static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    void reject(Exchange exchange) {
        ApiRejection rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiRejection.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, rejection.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-store");
        if (rejection.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"social-ticker-admin\"");
        }
        ResponseBody.set(message, ProblemDocument.json(rejection.code(), rejection.getMessage()));
    }

    static void empty(Exchange exchange, int status) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader("Cache-Control", "no-store");
        message.setBody(null);
    }
}
