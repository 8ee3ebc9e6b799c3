package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the API says of each provider as its file describes itself ({@code display}): the page reads the
 * names and nouns from {@code /api/ui-config}; the badges' label is what the body's sources count.
 */
class ProviderDisplayApiTest extends SharedServiceTest {

    @Test
    void uiConfigDescribesTheProviderOfEverySource() throws Exception {
        JsonNode providers = ApiClient.json(api.get("/api/ui-config")).get("providers");

        assertThat(providers.fieldNames())
                .toIterable()
                .containsExactly("bluesky", "github", "instagram", "mastodon", "youtube");
        assertThat(providers.get("youtube"))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"name\": \"YouTube\", \"icon\": \"mdi:youtube\","
                                + " \"counts\": {\"one\": \"subscriber\", \"other\": \"subscribers\"}}"));
        assertThat(providers.at("/github/name").asText()).isEqualTo("GitHub");
        assertThat(providers.at("/bluesky/icon").asText()).isEqualTo("mdi:butterfly");
        assertThat(providers.at("/instagram/counts/other").asText()).isEqualTo("followers");
    }

    @Test
    void aBadgeSaysWhatItsSourcesCountAndFollowersWhenTheyDiffer() {
        everySourceRefreshed();

        assertThat(label("/api/tickers/youtube?format=shields")).isEqualTo("subscribers");
        assertThat(api.get("/api/tickers/youtube/badge.svg").body()).contains("aria-label=\"subscribers: ");
        assertThat(label("/api/metrics/" + SOURCES.get(4).id() + "?format=shields"))
                .isEqualTo("subscribers");
        // Instagram and Mastodon both count followers; all five sources count different things.
        assertThat(label("/api/tickers/social?format=shields")).isEqualTo("followers");
        assertThat(label("/api/metrics?format=shields")).isEqualTo("followers");
        for (String path : List.of("/api/tickers/github?format=shields", "/api/tickers/bluesky?format=shields")) {
            assertThat(label(path)).as(path).isEqualTo("followers");
        }
    }

    private String label(String path) {
        return ApiClient.json(api.get(path)).get("label").asText();
    }
}
