package dev.socialticker.ticker.output.http;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.output.AwtrixBody;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.OutputTemplate;
import dev.socialticker.ticker.output.SourceBodies;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code awtrix-http}: POST an AWTRIX 3 custom app to {@code <clock>/api/custom?name=<app>}:
 * the same body as {@code GET /api/metrics/{id}?format=awtrix} ({@code format.AwtrixApp}: the count
 * coloured by state, progress toward the next milestone), with the output's own {@code icon} when it
 * names one and a lifetime from its repeat ({@link AwtrixBody}), after which the clock frames the app
 * as stale.
 */
@Component
class AwtrixHttp extends HttpOutput {
    private final SourceBodies bodies;
    private final JsonDocuments json;

    AwtrixHttp(SourceBodies bodies, JsonDocuments json) {
        super("output/awtrix-http.definition.yaml");
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public String id() {
        return "awtrix-http";
    }

    @Override
    public Destination destination(String name, Map<String, String> parameters) {
        return OutputTemplate.destination(name, parameters, "clock");
    }

    /**
     * Again every minute without a change: the app's {@code lifetime} frames it in red when no push
     * comes within it, which must mean the service stopped, not that the count stood still.
     */
    @Override
    public Duration repeat(Map<String, String> parameters) {
        return Duration.ofSeconds(60);
    }

    @Override
    HttpCall request(OutputSpec spec, Delivery delivery, OutputSettings settings) {
        String app = spec.value("app").replace("{source}", delivery.sourceId());
        URI uri =
                URI.create(spec.value("clock") + "/api/custom?name=" + URLEncoder.encode(app, StandardCharsets.UTF_8));
        return new HttpCall("POST", uri, Map.of(), "application/json", body(delivery, spec));
    }

    /**
     * The API's custom app for the source (the count alone if the view has none yet), with this
     * output's icon and lifetime ({@link AwtrixBody}).
     */
    byte[] body(Delivery delivery, OutputSpec spec) {
        byte[] rendered = bodies.awtrix(delivery.sourceId());
        if (rendered == null) {
            rendered = ("{\"text\":\"" + delivery.count() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return AwtrixBody.of(rendered, spec.value("icon"), spec, json);
    }
}
