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

/**
 * JSON read by JSONPath. An upstream's answer is parsed by the service's JSON data format
 * ({@link JsonAnswerReader}) and arrives here as its document ({@link #of}); text is parsed here
 * only where it is not a body: a header that holds JSON ({@code wait: {header, path}}).
 */
final class JsonAnswers {
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(new ObjectMapper()))
            .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final DocumentContext NOTHING = JsonPath.using(JSON).parse("{}");

    private JsonAnswers() {}

    /**
     * A parsed document (the maps, lists and values Jackson reads JSON into) to read by JSONPath, or
     * an empty one for none ({@code null}: no document, or JSON {@code null}), which no path finds
     * anything in.
     */
    static DocumentContext of(Object document) {
        return document == null ? NOTHING : JsonPath.using(JSON).parse(document);
    }

    /**
     * The parsed text, or an empty document when it is not JSON or is JSON {@code null} (for
     * matching, not for reading): HTML or an empty value has nothing a rule can find.
     */
    static DocumentContext parse(String text) {
        if (text == null || text.isBlank()) {
            return NOTHING;
        }
        try {
            return JsonPath.using(JSON).parse(text);
        } catch (InvalidJsonException | IllegalArgumentException notJson) {
            // Jayway refuses a document that parses to null ("json can not be null").
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
