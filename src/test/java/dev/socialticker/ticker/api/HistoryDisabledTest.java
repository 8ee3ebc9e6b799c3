package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.history.HistoryBook;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code ticker.history.enabled=false}: no history is kept, the body says so with null growth and
 * milestone, and the history's paths answer why in the API's error shape, never a stale story.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=github",
            "ticker.sources[0].account=nohistory",
            "ticker.history.enabled=false",
            "ticker.store.type=memory",
            "ticker.refresh.initial-delay=1h"
        })
class HistoryDisabledTest extends UpstreamServiceTest {
    static final TickerSource SOURCE = new TickerSource("github-nohistory", "github", "nohistory");

    @Autowired
    HistoryBook book;

    @Test
    void theBodyHasNoGrowthAndTheHistoryPathsSayItIsOff() {
        upstream.stubFor(get(urlPathEqualTo("/users/nohistory"))
                .willReturn(okJson("{\"login\": \"nohistory\", \"followers\": 1234}")));
        refresh(SOURCE);

        JsonNode body = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics")),
                        json -> json.path("total").asLong() == 1234);
        assertThat(body.get("growth").isNull()).as(body.toString()).isTrue();
        assertThat(body.get("nextMilestone").isNull()).isTrue();
        assertThat(body.at("/sources/0/growth").isNull()).isTrue();
        assertThat(body.at("/sources/0/nextMilestone").isNull()).isTrue();

        for (String path : new String[] {"/api/metrics/history", "/api/metrics/github-nohistory/history"}) {
            HttpResponse<String> refused = api.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(ApiClient.json(refused).at("/error/code").asText()).isEqualTo("HISTORY_DISABLED");
        }
        assertThat(book.of(SOURCE.id()).lastCount()).as("nothing recorded").isEmpty();
    }
}
