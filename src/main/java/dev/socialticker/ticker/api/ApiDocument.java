package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.format.MetricsDocument;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * What the OpenAPI document says beyond the REST DSL's paths: parameters and answers shared by
 * several operations, written once so the read operations cannot drift apart.
 */
final class ApiDocument {
    /** Where the service serves the document (docs/api.md names it). */
    static final String PATH = "/api/openapi.json";
    /** The version of the API's contract, not of the build: it moves only when the JSON does. */
    static final String VERSION = "1";

    static final String DESCRIPTION = "Live follower counts from the service's cache. Reads never wait on an "
            + "upstream: a stale answer is served at once and a background refresh starts. "
            + "Errors are JSON {\"error\": {\"code\", \"message\"}}.";
    static final String ADMIN_SCHEME = "adminToken";

    private ApiDocument() {}

    static ParamDefinition sourceId() {
        return new ParamDefinition()
                .name("id")
                .type(RestParamType.path)
                .dataType("string")
                .required(true)
                .description("A configured source's id, matching " + SourceProperties.ID_PATTERN)
                .example("instagram-acme");
    }

    static ParamDefinition tickerName() {
        return new ParamDefinition()
                .name("name")
                .type(RestParamType.path)
                .dataType("string")
                .required(true)
                .description("A named ticker of ticker.tickers, matching " + SourceProperties.ID_PATTERN)
                .example("lobby");
    }

    static ParamDefinition format() {
        return new ParamDefinition()
                .name("format")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .allowableValues("smiirl", "shields", "lametric", "awtrix")
                .description("Another shape of the same data, with its own ETag (docs/api.md, \"Formats\"). smiirl: "
                        + "{\"number\": n}, what a Smiirl counter polls (503 before any data); shields: the "
                        + "shields.io endpoint badge {\"schemaVersion\": 1, \"label\", \"message\", \"color\", "
                        + "\"isError\", \"cacheSeconds\"}; lametric: LaMetric My Data (DIY) {\"frames\": [...]} (the "
                        + "count, a goalData frame toward the next milestone, a chartData frame of recent days); "
                        + "awtrix: an AWTRIX 3 custom app {\"text\", \"icon\", \"color\", \"progress\", "
                        + "\"progressC\", \"progressBC\", \"lifetime\", \"lifetimeMode\"}. shields, lametric and "
                        + "awtrix answer 200 with a no-data body before any data. Absent: the standard JSON");
    }

    static ParamDefinition ifNoneMatch() {
        return new ParamDefinition()
                .name("If-None-Match")
                .type(RestParamType.header)
                .dataType("string")
                .required(false)
                .description("An ETag of an earlier answer: 304 with no body while it still matches");
    }

    static ParamDefinition historyFrom() {
        return new ParamDefinition()
                .name("from")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .description("The range's start: an ISO-8601 instant, or a date (that day's start, UTC). "
                        + "Default: to less 1 day (step=raw), 7 days (hour), 365 days (day)")
                .example("2026-11-01");
    }

    static ParamDefinition historyTo() {
        return new ParamDefinition()
                .name("to")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .description("The range's end: an ISO-8601 instant, or a date (that day's end, UTC). Default: now")
                .example("2026-11-30");
    }

    static ParamDefinition historyStep() {
        return new ParamDefinition()
                .name("step")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .allowableValues("raw", "hour", "day")
                .defaultValue("hour")
                .description("raw: every stored reading (about 10 days kept); hour: each hour's last count (about "
                        + "90 days); day: each UTC day's last, lowest and highest count (kept for ever)");
    }

    static ParamDefinition historySources() {
        return new ParamDefinition()
                .name("sources")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .description("Only these sources added up: their ids, separated by commas (the ticker page draws "
                        + "the sparkline of a partial growth from the sources it covers). Default: every source")
                .example("instagram-acme,github-octocat");
    }

    static ParamDefinition historyFormat() {
        return new ParamDefinition()
                .name("format")
                .type(RestParamType.query)
                .dataType("string")
                .required(false)
                .allowableValues("json", "csv")
                .description("json or csv (at,count,min,max); absent: by the Accept header, JSON unless it prefers "
                        + "text/csv");
    }

    static ParamDefinition accept() {
        return new ParamDefinition()
                .name("Accept")
                .type(RestParamType.header)
                .dataType("string")
                .required(false)
                .description("text/csv for CSV when format is absent; anything else answers JSON");
    }

    static ParamDefinition backfillBody() {
        return new ParamDefinition()
                .name("body")
                .type(RestParamType.body)
                .dataType("string")
                .required(true)
                .description("Lines date,count (2026-01-31,12000): dates YYYY-MM-DD not in the future, counts whole "
                        + "and non-negative, each date once; an optional header line date,count; blank lines "
                        + "ignored; at most 100000 lines and 4 MiB");
    }

    /** The answers both history reads share. */
    static RestDefinition historyResponses(RestDefinition rest) {
        return rest.responseMessage()
                .code(200)
                .message("The points of the range, oldest first (JSON, or CSV with the header at,count,min,max)")
                .responseModel(HistoryDocument.class)
                .header("Cache-Control")
                .dataType("string")
                .description("A range that reaches now: as GET /metrics; a closed range: public, max-age=3600 "
                        + "(raw, hour) or 86400 (day)")
                .endHeader()
                .header("ETag")
                .dataType("string")
                .description("Strong tag of this body")
                .endHeader()
                .header("Last-Modified")
                .dataType("string")
                .description("The latest point's time (IMF-fixdate); absent without points")
                .endHeader()
                .header("Vary")
                .dataType("string")
                .description("Accept, when format is absent (the answer follows Accept)")
                .endHeader()
                .endResponseMessage()
                .responseMessage()
                .code(304)
                .message("Not modified: If-None-Match matched the ETag")
                .endResponseMessage()
                .responseMessage()
                .code(400)
                .message("Malformed request: INVALID_STEP, INVALID_FROM, INVALID_TO, INVALID_RANGE (from after to), "
                        + "INVALID_FORMAT, TOO_MANY_POINTS (more than ticker.history.max-points), "
                        + "INVALID_SOURCE_ID, BAD_REQUEST")
                .responseModel(ProblemDocument.class)
                .endResponseMessage();
    }

    /** The answers both metrics reads share, added to the verb just declared on {@code rest}. */
    static RestDefinition metricsResponses(RestDefinition rest, String what) {
        return rest.responseMessage()
                .code(200)
                .message("Data, fresh or stale: " + what)
                .responseModel(MetricsDocument.class)
                .header("Cache-Control")
                .dataType("string")
                .description("public, max-age=<seconds until stale, less (stale-after - period) / 2>, "
                        + "stale-while-revalidate=<period>, stale-if-error=86400")
                .endHeader()
                .header("ETag")
                .dataType("string")
                .description("Strong tag of this body")
                .endHeader()
                .header("Last-Modified")
                .dataType("string")
                .description("When the data behind the body last changed (IMF-fixdate)")
                .endHeader()
                .endResponseMessage()
                .responseMessage()
                .code(304)
                .message("Not modified: If-None-Match matched the ETag")
                .endResponseMessage()
                .responseMessage()
                .code(400)
                .message("Malformed request: INVALID_SOURCE_ID, INVALID_TICKER_NAME, INVALID_FORMAT, BAD_REQUEST")
                .responseModel(ProblemDocument.class)
                .endResponseMessage()
                .responseMessage()
                .code(503)
                .message("No data yet (error.code NO_DATA or the real failure), or the service is "
                        + "starting or stopping (STARTING, STOPPING)")
                .responseModel(MetricsDocument.class)
                .header("Retry-After")
                .dataType("integer")
                .description("Seconds until an answer is likely")
                .endHeader()
                .endResponseMessage();
    }

    /** The answers of the total's SVG badge. */
    static RestDefinition badgeResponses(RestDefinition rest) {
        return badgeImage(rest)
                .responseMessage()
                .code(400)
                .message("A request refused before it reaches the API, such as a broken percent-encoding "
                        + "(BAD_REQUEST, the API's JSON problem)")
                .responseModel(ProblemDocument.class)
                .endResponseMessage();
    }

    /**
     * The answers of a source's or a named ticker's SVG badge: refusals are badges too, as an
     * {@code <img>} shows a JSON answer as a broken image.
     *
     * @param parameter {@code id} or {@code name}
     * @param malformed the code of a malformed one, e.g. {@code INVALID_SOURCE_ID}
     * @param nobody    what a 404 means, e.g. {@code No source has this id (SOURCE_NOT_FOUND)}
     */
    static RestDefinition namedBadgeResponses(RestDefinition rest, String parameter, String malformed, String nobody) {
        return badgeImage(rest)
                .responseMessage()
                .code(400)
                .message("A malformed " + parameter + ": a red badge reading \"invalid " + parameter
                        + "\", the rule in its <title> (" + malformed + "); no-store. A request refused before it "
                        + "reaches the API (BAD_REQUEST) answers the API's JSON problem")
                .responseModel(String.class)
                .endResponseMessage()
                .responseMessage()
                .code(404)
                .message(nobody + ": a red badge reading \"not found\", the reason in its <title>; no-store")
                .responseModel(String.class)
                .endResponseMessage();
    }

    private static RestDefinition badgeImage(RestDefinition rest) {
        return rest.responseMessage()
                .code(200)
                .message("An SVG image: label and compact count (\"no data\" before any), green when fresh, dark "
                        + "yellow when stale, orange when the latest refresh failed, red without a count; a <title> "
                        + "with the whole count. Laid out as shields' badge-maker lays out its flat badges")
                .responseModel(String.class)
                .header("Cache-Control")
                .dataType("string")
                .description("As GET /metrics; no-store before any data")
                .endHeader()
                .header("ETag")
                .dataType("string")
                .description("Strong tag of this image")
                .endHeader()
                .endResponseMessage()
                .responseMessage()
                .code(304)
                .message("Not modified: If-None-Match matched the ETag")
                .endResponseMessage();
    }

    /** The answers every admin operation shares. */
    static RestDefinition adminResponses(RestDefinition rest, int success, String what) {
        return adminResponses(rest, success, what, null);
    }

    /** The answers every admin operation shares; the success carries a {@code model} when not null. */
    static RestDefinition adminResponses(RestDefinition rest, int success, String what, Class<?> model) {
        var answer = rest.security(ADMIN_SCHEME).responseMessage().code(success).message(what);
        if (model != null) {
            answer.responseModel(model);
        }
        return answer.endResponseMessage()
                .responseMessage()
                .code(401)
                .message("Missing or wrong admin token (UNAUTHORIZED)")
                .responseModel(ProblemDocument.class)
                .header("WWW-Authenticate")
                .dataType("string")
                .description("Bearer realm=\"social-ticker-admin\"")
                .endHeader()
                .endResponseMessage();
    }
}
