package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceProperties;
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
                .allowableValues("smiirl")
                .description(
                        "smiirl: answer {\"number\": n}, the shape a Smiirl counter polls; absent: the standard JSON");
    }

    static ParamDefinition ifNoneMatch() {
        return new ParamDefinition()
                .name("If-None-Match")
                .type(RestParamType.header)
                .dataType("string")
                .required(false)
                .description("An ETag of an earlier answer: 304 with no body while it still matches");
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

    /** The answers every admin operation shares. */
    static RestDefinition adminResponses(RestDefinition rest, int success, String what) {
        return rest.security(ADMIN_SCHEME)
                .responseMessage()
                .code(success)
                .message(what)
                .endResponseMessage()
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
