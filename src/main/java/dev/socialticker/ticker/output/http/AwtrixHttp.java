package dev.socialticker.ticker.output.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.SourceBodies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code awtrix-http}: POST an AWTRIX 3 custom app to {@code <clock>/api/custom?name=<app>}:
 * the same body as {@code GET /api/metrics/{id}?format=awtrix} ({@code format.AwtrixApp}: the count
 * coloured by state, progress toward the next milestone, a lifetime after which the clock frames the
 * app as stale), with the output's own {@code icon} when it names one.
 */
@Component
class AwtrixHttp extends HttpOutput {
    private final ObjectMapper json = new ObjectMapper();
    private final SourceBodies bodies;

    AwtrixHttp(SourceBodies bodies) {
        super("output/awtrix-http.definition.yaml");
        this.bodies = bodies;
    }

    @Override
    public String id() {
        return "awtrix-http";
    }

    /**
     * Again every minute without a change: the app's {@code lifetime} (stale-after) frames it in red
     * when no push comes within it, which must mean the service stopped, not that the count stood still.
     */
    @Override
    public Duration repeat() {
        return Duration.ofSeconds(60);
    }

    @Override
    HttpPush request(OutputSpec spec, Delivery delivery, OutputSettings settings) {
        String app = spec.value("app").replace("{source}", delivery.sourceId());
        URI uri =
                URI.create(spec.value("clock") + "/api/custom?name=" + URLEncoder.encode(app, StandardCharsets.UTF_8));
        return new HttpPush(
                "POST", uri, Map.of(), "application/json", body(delivery, spec.value("icon"), spec.repeat()));
    }

    /**
     * The API's custom app for the source (the count alone if the view has none yet). Its lifetime
     * (stale-after) is raised to two repeats when shorter, so the app is framed as stale only when
     * pushes stopped; without repeats there is no lifetime, since a count that stands still is not stale.
     */
    byte[] body(Delivery delivery, String icon, Duration repeat) {
        byte[] rendered = bodies.awtrix(delivery.sourceId());
        try {
            ObjectNode app = rendered != null
                    ? (ObjectNode) json.readTree(rendered)
                    : json.createObjectNode().put("text", String.valueOf(delivery.count()));
            if (!icon.isEmpty()) {
                app.put("icon", icon);
            }
            if (repeat.isZero()) {
                app.remove("lifetime");
                app.remove("lifetimeMode");
            } else if (app.has("lifetime")) {
                app.put("lifetime", Math.max(app.get("lifetime").asLong(), 2 * repeat.toSeconds()));
            }
            return json.writeValueAsBytes(app);
        } catch (IOException impossible) {
            throw new IllegalStateException("the API's AWTRIX body is not a JSON object", impossible);
        }
    }
}
