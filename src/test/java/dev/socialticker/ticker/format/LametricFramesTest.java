package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LametricFramesTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void showsTheCountTheGoalAndTheLastDays() {
        JsonNode body = json.valueToTree(LametricFrames.of(Readings.fresh(), "i3389"));

        FormatSchemas.assertLametric(body);
        JsonNode frames = body.path("frames");
        assertThat(frames.size()).isEqualTo(3);
        assertThat(frames.get(0).toString()).isEqualTo("{\"text\":\"12,345\",\"icon\":\"i3389\"}");
        assertThat(frames.get(1).toString())
                .isEqualTo("{\"icon\":\"i3389\",\"goalData\":{\"start\":10000,\"current\":12345,\"end\":25000}}");
        JsonNode chart = frames.get(2).path("chartData");
        assertThat(chart.size()).as("two weeks and today").isEqualTo(LametricFrames.CHART_DAYS);
        assertThat(chart.get(chart.size() - 1).asLong()).isEqualTo(12_345);
        assertThat(chart.get(0).asLong()).isEqualTo(12_345 - 14 * 100);
    }

    @Test
    void leavesOutWhatItCannotShow() {
        Reading bare = new Reading(42L, null, CountState.STALE, 25, null, List.of(42L));

        JsonNode body = json.valueToTree(LametricFrames.of(bare, ""));

        FormatSchemas.assertLametric(body);
        assertThat(body.toString())
                .as("no icon, no milestone, one day: no chart")
                .isEqualTo("{\"frames\":[{\"text\":\"42\"}]}");
    }

    @Test
    void saysNoDataWithoutACount() {
        JsonNode body = json.valueToTree(LametricFrames.of(Reading.none(), "i3389"));

        FormatSchemas.assertLametric(body);
        assertThat(body.toString()).isEqualTo("{\"frames\":[{\"text\":\"no data\",\"icon\":\"i3389\"}]}");
    }
}
