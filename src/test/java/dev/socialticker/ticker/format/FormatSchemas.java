package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The published schemas of the device formats, as their documentation lists the keys and their
 * types (see each builder's Javadoc for the page): a body passes when every key it sends is one the
 * documentation names, with that type. Shared by the unit tests and the API's tests.
 */
public final class FormatSchemas {
    /** LaMetric "My Data (DIY)": a frame's keys. */
    static final Map<String, String> LAMETRIC_FRAME = Map.of(
            "icon", "string", "text", "string", "duration", "integer", "goalData", "object", "chartData", "integer[]");

    static final Map<String, String> LAMETRIC_GOAL = Map.of("start", "integer", "current", "integer", "end", "integer");

    /**
     * AWTRIX 3 custom app: the keys this service sends (all keys are optional). Not {@code line} or
     * {@code bar}: the firmware draws a chart over the count (see format.AwtrixApp).
     */
    static final Map<String, String> AWTRIX = Map.of(
            "text", "string",
            "icon", "string",
            "color", "string",
            "progress", "integer",
            "progressC", "string",
            "progressBC", "string",
            "lifetime", "integer",
            "lifetimeMode", "integer");

    /** shields.io endpoint badge. */
    static final Map<String, String> SHIELDS = Map.of(
            "schemaVersion", "integer",
            "label", "string",
            "message", "string",
            "color", "string",
            "isError", "boolean",
            "cacheSeconds", "integer");

    static final Set<String> SHIELDS_REQUIRED = Set.of("schemaVersion", "label", "message");

    private FormatSchemas() {}

    public static void assertLametric(JsonNode body) {
        assertThat(fieldNames(body)).containsExactly("frames");
        JsonNode frames = body.path("frames");
        assertThat(frames.isArray()).isTrue();
        assertThat(frames.size()).as("1 to 20 frames").isBetween(1, 20);
        for (JsonNode frame : frames) {
            assertTyped(frame, LAMETRIC_FRAME);
            if (frame.has("goalData")) {
                assertTyped(frame.path("goalData"), LAMETRIC_GOAL);
                assertThat(fieldNames(frame.path("goalData")))
                        .containsExactlyInAnyOrderElementsOf(LAMETRIC_GOAL.keySet());
            }
        }
    }

    public static void assertAwtrix(JsonNode body) {
        assertTyped(body, AWTRIX);
        if (body.has("progress")) {
            assertThat(body.path("progress").asInt()).isBetween(0, 100);
        }
        if (body.has("lifetimeMode")) {
            assertThat(body.path("lifetimeMode").asInt()).isIn(0, 1);
        }
    }

    public static void assertShields(JsonNode body) {
        assertTyped(body, SHIELDS);
        assertThat(fieldNames(body)).containsAll(SHIELDS_REQUIRED);
        assertThat(body.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.path("message").asText()).isNotEmpty();
        assertThat(body.path("cacheSeconds").asInt()).isGreaterThanOrEqualTo(300);
    }

    /** Every key of {@code node} is in {@code schema}, with its type. */
    static void assertTyped(JsonNode node, Map<String, String> schema) {
        assertThat(node.isObject()).as(node.toString()).isTrue();
        for (String name : fieldNames(node)) {
            assertThat(schema).as("a key the documentation names, in " + node).containsKey(name);
            JsonNode value = node.path(name);
            String type = schema.get(name);
            switch (type) {
                case "string" ->
                    assertThat(value.isTextual()).as(name + " is a string").isTrue();
                case "integer" ->
                    assertThat(value.isIntegralNumber())
                            .as(name + " is an integer")
                            .isTrue();
                case "boolean" ->
                    assertThat(value.isBoolean()).as(name + " is a boolean").isTrue();
                case "object" ->
                    assertThat(value.isObject()).as(name + " is an object").isTrue();
                case "integer[]" -> {
                    assertThat(value.isArray()).as(name + " is an array").isTrue();
                    value.forEach(item -> assertThat(item.isIntegralNumber())
                            .as(name + " holds integers")
                            .isTrue());
                }
                default -> throw new IllegalStateException(type);
            }
        }
    }

    static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
