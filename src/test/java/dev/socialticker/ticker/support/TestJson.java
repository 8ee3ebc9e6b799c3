package dev.socialticker.ticker.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.json.JsonConfiguration;
import dev.socialticker.ticker.json.JsonDocuments;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The service's JSON data format for tests without the application: over a mapper with Spring
 * Boot's defaults (as the application's is built), so a unit test reads and writes what the service
 * would.
 */
public final class TestJson {
    /** Spring Boot's defaults: unknown members ignored, Java time as ISO text, the JDK 8 modules. */
    public static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();

    private static final JsonDocuments DOCUMENTS = new JsonDocuments(dataFormat(), new DefaultCamelContext());

    private TestJson() {}

    /** A data format as the bean {@code json}, for a bare Camel context's registry or a step under test. */
    public static JacksonDataFormat dataFormat() {
        return JsonConfiguration.over(MAPPER);
    }

    /** The data format for what is written outside a route step. */
    public static JsonDocuments documents() {
        return DOCUMENTS;
    }
}
