package dev.socialticker.ticker.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.support.TestJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AWTRIX app an output sends: its icon, and a lifetime that healthy repeats never outlive. */
class AwtrixBodyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The API's app for a source, lifetime stale-after (120 s), as the renderer answers it. */
    static final byte[] RENDERED = ("{\"text\":\"12.3k\",\"icon\":\"followers\",\"color\":\"#FFFFFF\",\"progress\":15,"
                    + "\"progressC\":\"#FFFFFF\",\"progressBC\":\"#303030\",\"lifetime\":120,\"lifetimeMode\":1}")
            .getBytes(StandardCharsets.UTF_8);

    /**
     * The clock frames the app once {@code lifetime} seconds passed since the last body it received
     * ({@code checkLifetime}); a healthy, unchanged count is pushed again at most repeat + one tick +
     * one attempt's timeout later. The lifetime is twice that: never reached between two healthy
     * pushes, whatever the repeat and the timeout, and reached when two pushes in a row did not come.
     */
    @ParameterizedTest
    @CsvSource({
        "1s, 250ms, 13", //   2 × (1 + 5 + 0.25) = 12.5 s, rounded up
        "60s, 5s, 140", //    the defaults: 2 × (60 + 5 + 5)
        "90s, 5s, 200", //    stale-after (120 s) was shorter than two repeats plus the way there
        "5m, 60s, 730",
        "1h, 5s, 7220"
    })
    void theLifetimeOutlastsTheLongestWaitBetweenTwoHealthyPushes(String repeat, String timeout, long lifetime)
            throws Exception {
        OutputSpec spec = spec(repeat, timeout);
        Duration longestWait = spec.repeat().plus(OutputEndpoints.TICK_PERIOD).plus(spec.timeout());

        JsonNode app = JSON.readTree(AwtrixBody.of(RENDERED, "", spec, TestJson.documents()));

        assertThat(AwtrixBody.gap(spec)).isEqualTo(longestWait);
        assertThat(app.path("lifetime").asLong()).isEqualTo(lifetime);
        assertThat(Duration.ofSeconds(app.path("lifetime").asLong()))
                .isGreaterThanOrEqualTo(longestWait.multipliedBy(2));
        assertThat(app.path("lifetimeMode").asInt()).isEqualTo(1);
    }

    @Test
    void withoutRepeatsTheAppHasNoLifetimeForAStillCountIsNotStale() throws Exception {
        JsonNode app = JSON.readTree(AwtrixBody.of(RENDERED, "", spec("0s", "5s"), TestJson.documents()));

        assertThat(AwtrixBody.gap(spec("0s", "5s"))).isZero();
        assertThat(app.has("lifetime")).isFalse();
        assertThat(app.has("lifetimeMode")).isFalse();
        assertThat(app.path("text").asText()).isEqualTo("12.3k");
    }

    @Test
    void theOutputsIconReplacesTheFormatsOnlyWhenItNamesOne() throws Exception {
        assertThat(JSON.readTree(AwtrixBody.of(RENDERED, "5251", spec("60s", "5s"), TestJson.documents()))
                        .path("icon")
                        .asText())
                .isEqualTo("5251");
        assertThat(JSON.readTree(AwtrixBody.of(RENDERED, "", spec("60s", "5s"), TestJson.documents()))
                        .path("icon")
                        .asText())
                .isEqualTo("followers");
    }

    /** The format's app, adjusted in place: its members keep their order, as the clock received them before. */
    @Test
    void writesTheAppWithItsMembersInTheirPlaces() {
        assertThat(new String(AwtrixBody.of(RENDERED, "5251", spec("60s", "5s"), TestJson.documents()), UTF_8))
                .isEqualTo("{\"text\":\"12.3k\",\"icon\":\"5251\",\"color\":\"#FFFFFF\",\"progress\":15,"
                        + "\"progressC\":\"#FFFFFF\",\"progressBC\":\"#303030\",\"lifetime\":140,\"lifetimeMode\":1}");
        assertThat(new String(AwtrixBody.of(RENDERED, "", spec("0s", "5s"), TestJson.documents()), UTF_8))
                .isEqualTo("{\"text\":\"12.3k\",\"icon\":\"followers\",\"color\":\"#FFFFFF\",\"progress\":15,"
                        + "\"progressC\":\"#FFFFFF\",\"progressBC\":\"#303030\"}");
    }

    private static OutputSpec spec(String repeat, String timeout) {
        return new OutputSpec(
                "clock",
                "awtrix-http",
                Set.of(),
                duration(timeout),
                2,
                Duration.ofSeconds(1),
                duration(repeat),
                Map.of(),
                false,
                Destination.of("the output 'clock'", "http://clock.lan", "clock"));
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
