package dev.socialticker.ticker.provider.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.function.Supplier;

/** JSON answers read by JSONPath, parsed strictly by Jackson: HTML must not pass for JSON. */
final class JsonAnswers {
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(new ObjectMapper()))
            .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final DocumentContext NOTHING = JsonPath.using(JSON).parse("{}");

    private JsonAnswers() {}

    /** The parsed answer; throws {@link InvalidJsonException} when it is not JSON, or is JSON {@code null}. */
    static DocumentContext strict(String body) {
        try {
            return JsonPath.using(JSON).parse(body);
        } catch (IllegalArgumentException nullDocument) {
            // Jayway refuses an empty body and a document that parses to null ("json can not be null").
            throw new InvalidJsonException("the answer is empty or JSON null");
        }
    }

    /**
     * The parsed answer, or an empty document when it is not JSON or is JSON {@code null} (for
     * matching, not for reading): HTML, an empty or a cut-off body has nothing a rule can find.
     */
    static DocumentContext parse(String body) {
        if (body == null || body.isBlank()) {
            return NOTHING;
        }
        try {
            return strict(body);
        } catch (InvalidJsonException notJson) {
            return NOTHING;
        }
    }

    /**
     * What {@code path} finds in {@code answer}, or null when the path does not apply to the answer's
     * shape. A path is written for the upstream's documented answer; a proxy, a CDN or the upstream
     * itself may answer another shape (a string where an object was expected, a filter over a
     * primitive), on which Jayway throws instead of finding nothing, even with SUPPRESS_EXCEPTIONS.
     * A path that does not fit has found nothing; it is not a failure of the refresh.
     */
    static Object find(DocumentContext answer, JsonPath path) {
        return answer == null ? null : find(() -> answer.read(path));
    }

    /** {@link #find(DocumentContext, JsonPath)} for a path as written in a provider file. */
    static Object find(DocumentContext answer, String path) {
        return answer == null ? null : find(() -> answer.read(path));
    }

    private static Object find(Supplier<Object> read) {
        try {
            return read.get();
        } catch (JsonPathException | IllegalArgumentException | ClassCastException doesNotApply) {
            return null;
        }
    }
}
