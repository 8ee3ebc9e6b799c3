package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API: bearer token, refresh through the gate, cache invalidation. */
class AdminApiTest extends SharedServiceTest {
    static final String PATH = GRAPH_PATH;
    /** The shared application's Instagram source, answered with 77 followers. */
    static final String SOURCE_ID = SOURCES.get(0).id();

    @BeforeEach
    void seventySevenFollowers() {
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 77, \"username\": \"acme\"}")));
    }

    @Test
    void refusesCallsWithoutTheRightToken() {
        for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + ADMIN_TOKEN + "x", ADMIN_TOKEN}) {
            HttpResponse<String> response = send("POST", "/api/admin/refresh", authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(ApiClient.json(response).at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(response.body()).doesNotContain(ADMIN_TOKEN);
        }
        assertThat(send("DELETE", "/api/admin/cache", "Bearer nope").statusCode())
                .isEqualTo(401);
        upstream.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void refreshesNowAndAnswers202() {
        HttpResponse<String> response = send("POST", "/api/admin/refresh/" + SOURCE_ID, "Bearer " + ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ApiClient.json(api.get("/api/metrics/" + SOURCE_ID))
                                .get("total")
                                .asLong())
                        .isEqualTo(77));
        assertThat(send("POST", "/api/admin/refresh", "Bearer " + ADMIN_TOKEN).statusCode())
                .isEqualTo(202);
    }

    @Test
    void rejectsUnknownAndMalformedIds() {
        assertThat(send("POST", "/api/admin/refresh/nobody", "Bearer " + ADMIN_TOKEN)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/admin/cache/Bad_Id", "Bearer " + ADMIN_TOKEN)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void invalidatingTheCacheForgetsTheData() {
        send("POST", "/api/admin/refresh", "Bearer " + ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/metrics/" + SOURCE_ID).statusCode() == 200);

        assertThat(send("DELETE", "/api/admin/cache/" + SOURCE_ID, "Bearer " + ADMIN_TOKEN)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> afterwards = api.get("/api/metrics/" + SOURCE_ID);
        assertThat(afterwards.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(afterwards).at("/error/code").asText()).isEqualTo("NO_DATA");
    }

    private HttpResponse<String> send(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
