package dev.socialticker.ticker.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.support.DefaultExchange;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The JSON data format ({@link JsonConfiguration#DATA_FORMAT}) for what is written outside a route
 * step of its own: the API's view is rendered once per change, on whichever thread learns of it,
 * and every read hands out those bytes, so its documents cannot be a step of the read; an output
 * adjusts the view's AWTRIX app and writes Home Assistant's discovery inside its push. They go
 * through the same data format's marshal, with the bytes a route's {@code .marshal("json")} gives.
 */
@Component
public class JsonDocuments {
    private final JacksonDataFormat json;
    private final CamelContext camel;

    public JsonDocuments(@Qualifier(JsonConfiguration.DATA_FORMAT) JacksonDataFormat json, CamelContext camel) {
        this.json = json;
        this.camel = camel;
    }

    /** {@code document} as JSON (UTF-8). */
    public byte[] write(Object document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            // The data format sets the exchange's Content-Type: a throwaway exchange takes it.
            json.marshal(new DefaultExchange(camel), document, out);
        } catch (Exception unwritable) {
            throw new IllegalStateException(
                    "Cannot write a " + document.getClass().getSimpleName() + " as JSON", unwritable);
        }
        return out.toByteArray();
    }

    /**
     * {@code json} as Jackson reads JSON without a type (maps, lists, strings, numbers, booleans),
     * for a document that is adjusted before it is sent on.
     *
     * @throws IllegalArgumentException when it is not JSON
     */
    public Object read(byte[] json) {
        try {
            return this.json.unmarshal(new DefaultExchange(camel), new ByteArrayInputStream(json));
        } catch (Exception unreadable) {
            throw new IllegalArgumentException(
                    "Not JSON: " + unreadable.getClass().getSimpleName(), unreadable);
        }
    }

    /**
     * The same data format reading JSON into {@code type} (a record of the fields a route reads),
     * for a route's {@code .unmarshal(...)}.
     */
    public DataFormat reading(Class<?> type) {
        JacksonDataFormat typed = JsonConfiguration.over(json.getObjectMapper());
        typed.setUnmarshalType(type);
        return typed;
    }
}
