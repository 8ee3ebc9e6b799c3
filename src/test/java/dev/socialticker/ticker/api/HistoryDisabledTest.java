package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ticker.history.enabled=false} (as the API's reads run: {@link ApiReadsServiceTest}): no
 * history is kept, the body says so with null growth and milestone, and the history's paths answer
 * why in the API's error shape, never a stale story.
 */
class HistoryDisabledTest extends ApiReadsServiceTest {
    @Autowired
    HistoryBook book;

    @Test
    void theBodyHasNoGrowthAndTheHistoryPathsSayItIsOff() {
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 1234, \"username\": \"acme\"}")));
        refresh(ACME);

        JsonNode body = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics")),
                        json -> json.at("/sources/0/total").asLong() == 1234);
        assertThat(body.get("growth").isNull()).as(body.toString()).isTrue();
        assertThat(body.get("nextMilestone").isNull()).isTrue();
        assertThat(body.at("/sources/0/growth").isNull()).isTrue();
        assertThat(body.at("/sources/0/nextMilestone").isNull()).isTrue();

        for (String path : new String[] {"/api/metrics/history", "/api/metrics/acme/history"}) {
            HttpResponse<String> refused = api.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(ApiClient.json(refused).at("/error/code").asText()).isEqualTo("HISTORY_DISABLED");
        }
        assertThat(book.of(ACME.id()).lastCount()).as("nothing recorded").isEmpty();
    }
}
