package dev.socialticker.ticker.output;

import dev.socialticker.ticker.format.AwtrixApp;
import dev.socialticker.ticker.json.JsonDocuments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWTRIX 3 custom app an output sends (template {@code awtrix-http}, and {@code mqtt} with an
 * {@code awtrixPrefix}): the API's {@code ?format=awtrix} body, with the output's icon when it names
 * one, and a {@code lifetime} from the output's own cadence instead of stale-after, written once here
 * for both.
 *
 * <p>The clock counts a lifetime from the moment it receives a body ({@code generateCustomPage} sets
 * {@code lastUpdate = millis()}; {@code checkLifetime} acts once {@code lifetime} seconds passed), so
 * it must outlast the longest wait between two pushes of a healthy count: {@link #gap} (the repeat,
 * the tick that offers it, one attempt's timeout). The lifetime is twice that: one lost push is
 * forgiven, two in a row frame the app in red (pushes stopped). Without repeats ({@code repeat: 0s})
 * there is no lifetime: a count that stands still is not pushed, and is not stale either.
 */
public final class AwtrixBody {
    private AwtrixBody() {}

    /**
     * The longest time between two pushes of a healthy, unchanged count: its repeat comes due, waits
     * for the next tick, and takes at most one attempt's timeout to reach the clock. Zero without
     * repeats.
     */
    public static Duration gap(OutputSpec spec) {
        return spec.repeat().isZero()
                ? Duration.ZERO
                : spec.repeat().plus(OutputEndpoints.TICK_PERIOD).plus(spec.timeout());
    }

    /** The app's lifetime for this output, in whole seconds (rounded up); zero without repeats. */
    public static long lifetimeSeconds(OutputSpec spec) {
        Duration twice = gap(spec).multipliedBy(2);
        return twice.toSeconds() + (twice.toNanosPart() > 0 ? 1 : 0);
    }

    /**
     * The body to send: {@code rendered} (the API's app for the source) with {@code icon} when not
     * empty, and this output's lifetime (none without repeats), read and written by the service's
     * JSON data format: the app's members keep their order, the lifetime's come last when added.
     */
    public static byte[] of(byte[] rendered, String icon, OutputSpec spec, JsonDocuments json) {
        if (!(json.read(rendered) instanceof Map<?, ?> read)) {
            throw new IllegalStateException("the API's AWTRIX body is not a JSON object");
        }
        Map<Object, Object> app = new LinkedHashMap<>(read);
        if (!icon.isEmpty()) {
            app.put("icon", icon);
        }
        long lifetime = lifetimeSeconds(spec);
        if (lifetime == 0) {
            app.remove("lifetime");
            app.remove("lifetimeMode");
        } else {
            app.put("lifetime", lifetime);
            app.put("lifetimeMode", AwtrixApp.MARK_STALE);
        }
        return json.write(app);
    }
}
