package dev.socialticker.ticker.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one JSON data format, registered under {@link #DATA_FORMAT} for the routes to name. */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {
    /** The data format's name in the registry: {@code .marshal(DATA_FORMAT)}, {@code .unmarshal(DATA_FORMAT)}. */
    public static final String DATA_FORMAT = "json";

    @Bean(DATA_FORMAT)
    JacksonDataFormat json(ObjectMapper application) {
        return over(application);
    }

    /**
     * Camel's Jackson data format writing and reading with {@code mapper} as it is: the data format
     * changes none of its settings (no option of its own is set), so a document marshalled here has
     * the bytes {@code mapper.writeValueAsBytes} gives it. Unmarshalled, a document is what
     * {@code mapper} makes of JSON without a type: maps, lists, strings, numbers, booleans, null. A
     * test on a bare Camel context registers one under the same name (support/TestJson).
     */
    public static JacksonDataFormat over(ObjectMapper mapper) {
        JacksonDataFormat json = new JacksonDataFormat(mapper, Object.class);
        // Nothing to look up in the registry when it starts: no schema is used.
        json.setAutoDiscoverSchemaResolver(false);
        return json;
    }
}
