package dev.socialticker.ticker.provider.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/** JSON answers read by JSONPath, parsed strictly by Jackson: HTML must not pass for JSON. */
final class JsonAnswers {
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(new ObjectMapper()))
            .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
            .options(Option.SUPPRESS_EXCEPTIONS).build();
    private static final DocumentContext NOTHING = JsonPath.using(JSON).parse("{}");

    private JsonAnswers() {
    }

    /** The parsed answer; throws when it is not JSON. */
    static DocumentContext strict(String body) {
        return JsonPath.using(JSON).parse(body);
    }

    /** The parsed answer, or an empty document when it is not JSON (for matching, not for reading). */
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
}
