package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwtrixAppTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void showsTheCountTheProgressAndALifetime() throws Exception {
        String body = json.writeValueAsString(AwtrixApp.of(Readings.fresh(), "followers", 120));

        FormatSchemas.assertAwtrix(json.readTree(body));
        // 2,345 of the 15,000 from 10k to 25k: 15 %, in the text's colour on a dark track.
        assertThat(body)
                .isEqualTo("{\"text\":\"12.3k\",\"icon\":\"followers\",\"color\":\"#FFFFFF\",\"progress\":15,"
                        + "\"progressC\":\"#FFFFFF\",\"progressBC\":\"#303030\",\"lifetime\":120,\"lifetimeMode\":1}");
    }

    /**
     * AWTRIX 3 draws a {@code line} (or {@code bar}) over all 8 rows beside the icon, after the text
     * ({@code ShowCustomApp}: {@code renderFirst()} after {@code printText}), and scales it from 0 to the
     * largest value: 20 days from 11,345 to 12,345 drew a flat line across the count's top row, and a
     * count above about 268 million overflowed its 32-bit {@code map()} off the panel. The app keeps the
     * count's rows to the count, with or without an icon, whatever the history holds.
     */
    @ParameterizedTest
    @ValueSource(longs = {12_345, 300_000_000, 3_000_000_000L})
    void sendsNoChartForTheFirmwareWouldDrawItOverTheCount(long count) {
        Reading reading = Readings.of(count, CountState.FRESH);
        assertThat(reading.dailyCounts()).hasSize(20);

        for (String icon : new String[] {"followers", null}) {
            JsonNode body = json.valueToTree(AwtrixApp.of(reading, icon, 120));

            FormatSchemas.assertAwtrix(body);
            assertThat(body.has("line")).as(body.toString()).isFalse();
            assertThat(body.has("bar")).as(body.toString()).isFalse();
            assertThat(body.path("text").asText()).isEqualTo(CompactNumber.compact(count));
        }
    }

    @ParameterizedTest
    @CsvSource({"FRESH, #FFFFFF", "STALE, #FFD600", "FAILING, #FF8F00"})
    void coloursTheTextAndTheProgressByState(CountState state, String colour) {
        JsonNode body = json.valueToTree(AwtrixApp.of(Readings.of(12_345, state), "followers", 120));

        assertThat(body.path("color").asText()).isEqualTo(colour);
        // The bar follows the text, so a stale count's progress is not drawn in a healthy colour; the
        // track is dark, since the firmware's own track (white) would hide a white bar.
        assertThat(body.path("progressC").asText()).isEqualTo(colour);
        assertThat(body.path("progressBC").asText()).isEqualTo(AwtrixApp.TRACK);
    }

    @Test
    void drawsNoProgressBarWithoutANextMilestone() {
        JsonNode body =
                json.valueToTree(AwtrixApp.of(new Reading(12_345L, null, CountState.FRESH, 10_000, null, null), "", 0));

        FormatSchemas.assertAwtrix(body);
        assertThat(body.toString()).isEqualTo("{\"text\":\"12.3k\",\"color\":\"#FFFFFF\"}");
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
