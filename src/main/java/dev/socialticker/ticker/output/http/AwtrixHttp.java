package dev.socialticker.ticker.output.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code awtrix-http}: POST an AWTRIX 3 custom app to {@code <clock>/api/custom?name=<app>}.
 * The body here is the minimal one, {@code {"text": "<count>", "icon": "<icon>"}}, built in
 * {@link #body}: the full custom-app body (progress toward the next milestone, a chart, a lifetime) is
 * {@code format.AwtrixApp}'s, to be used here once it is merged.
 */
@Component
class AwtrixHttp extends HttpOutput {
    private final ObjectMapper json = new ObjectMapper();

    AwtrixHttp() {
        super("output/awtrix-http.definition.yaml");
    }

    @Override
    public String id() {
        return "awtrix-http";
    }

    @Override
    HttpPush request(OutputSpec spec, Delivery delivery, OutputSettings settings) {
        String app = spec.value("app").replace("{source}", delivery.sourceId());
        URI uri =
                URI.create(spec.value("clock") + "/api/custom?name=" + URLEncoder.encode(app, StandardCharsets.UTF_8));
        return new HttpPush("POST", uri, Map.of(), "application/json", body(delivery, spec.value("icon")));
    }

    /** The custom app: the count as text, and the icon when one is named. */
    byte[] body(Delivery delivery, String icon) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("text", String.valueOf(delivery.count()));
        if (!icon.isEmpty()) {
            app.put("icon", icon);
        }
        try {
            return json.writeValueAsBytes(app);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
