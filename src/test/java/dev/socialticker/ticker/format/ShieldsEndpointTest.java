package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShieldsEndpointTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesTheEndpointSchemaWithTheCompactCount() throws Exception {
        String body = json.writeValueAsString(ShieldsEndpoint.of(Readings.fresh(), "followers", 60));

        assertThat(body)
                .isEqualTo("{\"schemaVersion\":1,\"label\":\"followers\",\"message\":\"12.3k\","
                        + "\"color\":\"brightgreen\",\"isError\":false,\"cacheSeconds\":300}");
        FormatSchemas.assertShields(json.readTree(body));
    }

    @ParameterizedTest
    @CsvSource({"FRESH, brightgreen", "STALE, yellow", "FAILING, orange"})
    void coloursTheCountByItsState(CountState state, String colour) throws Exception {
        JsonNode body = json.valueToTree(ShieldsEndpoint.of(Readings.of(12_345, state), "followers", 600));

        assertThat(body.path("color").asText()).isEqualTo(colour);
        assertThat(body.path("isError").asBoolean()).isFalse();
        assertThat(body.path("message").asText()).isEqualTo("12.3k");
        assertThat(body.path("cacheSeconds").asInt())
                .as("above shields' minimum, kept")
                .isEqualTo(600);
    }

    @Test
    void isAnErrorBadgeWithoutACount() {
        JsonNode body = json.valueToTree(ShieldsEndpoint.of(Reading.none(), "followers", 60));

        FormatSchemas.assertShields(body);
        assertThat(body.path("isError").asBoolean()).isTrue();
        assertThat(body.path("message").asText()).isEqualTo("no data");
        assertThat(body.path("color").asText()).isEqualTo("red");
    }
}
