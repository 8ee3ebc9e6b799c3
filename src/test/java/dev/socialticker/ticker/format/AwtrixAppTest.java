package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwtrixAppTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void showsTheCountTheProgressALineAndALifetime() throws Exception {
        String body = json.writeValueAsString(AwtrixApp.of(Readings.fresh(), "followers", 120));

        FormatSchemas.assertAwtrix(json.readTree(body));
        // 2,345 of the 15,000 from 10k to 25k: 15 %. Beside an icon the line holds 11 days.
        assertThat(body)
                .isEqualTo("{\"text\":\"12.3k\",\"icon\":\"followers\",\"color\":\"#FFFFFF\",\"progress\":15,"
                        + "\"progressC\":\"#2E7D32\",\"line\":[11345,11445,11545,11645,11745,11845,11945,12045,"
                        + "12145,12245,12345],\"lifetime\":120,\"lifetimeMode\":1}");
    }

    @Test
    void drawsALongerLineWithoutAnIcon() {
        JsonNode body = json.valueToTree(AwtrixApp.of(Readings.fresh(), null, 120));

        FormatSchemas.assertAwtrix(body);
        assertThat(body.has("icon")).isFalse();
        assertThat(body.path("line").size()).isEqualTo(AwtrixApp.LINE_WITHOUT_ICON);
    }

    @ParameterizedTest
    @CsvSource({"FRESH, #FFFFFF", "STALE, #FFD600", "FAILING, #FF8F00"})
    void coloursTheTextByState(CountState state, String colour) {
        JsonNode body = json.valueToTree(AwtrixApp.of(Readings.of(12_345, state), "followers", 120));

        assertThat(body.path("color").asText()).isEqualTo(colour);
    }

    @Test
    void saysNoDataInRedWithoutACount() {
        JsonNode body = json.valueToTree(AwtrixApp.of(Reading.none(), "followers", 120));

        FormatSchemas.assertAwtrix(body);
        assertThat(body.toString())
                .isEqualTo("{\"text\":\"no data\",\"icon\":\"followers\",\"color\":\"#FF1744\",\"lifetime\":120,"
                        + "\"lifetimeMode\":1}");
    }

    @Test
    void reachesAHundredOnlyAtTheMilestone() {
        assertThat(new Reading(24_999L, null, CountState.FRESH, 10_000, 25_000L, null).progressPercent())
                .isEqualTo(99);
        assertThat(new Reading(25_000L, null, CountState.FRESH, 10_000, 25_000L, null).progressPercent())
                .isEqualTo(100);
        assertThat(new Reading(10_000L, null, CountState.FRESH, 10_000, 25_000L, null).progressPercent())
                .isZero();
        assertThat(new Reading(Long.MAX_VALUE - 1, null, CountState.FRESH, 0, Long.MAX_VALUE, null).progressPercent())
                .as("no overflow near the top")
                .isEqualTo(99);
    }
}
