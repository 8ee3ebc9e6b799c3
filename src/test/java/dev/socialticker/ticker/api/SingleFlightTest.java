package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.RefreshIdle;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Any number of concurrent stale reads cause one upstream call per source. */
class SingleFlightTest extends ApiReadsServiceTest {

    @Test
    void twoHundredConcurrentStaleReadsCauseExactlyOneUpstreamCall() {
        upstream.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson("{\"followers_count\": 1000, \"username\": \"acme\"}")));
        refresh(ACME);
        // A refresh an earlier test's stale read asked for must not count here.
        RefreshIdle.waitFor(camel);
        upstream.resetRequests();
        // The next answer is slow, so every read below overlaps the one refresh in flight: long enough
        // for 200 reads to arrive on a busy two-core machine (500 ms was not, once, beside a build).
        upstream.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson("{\"followers_count\": 2000, \"username\": \"acme\"}")
                        .withFixedDelay(2_000)));
        clock.advance(Duration.ofHours(1));

        List<CompletableFuture<HttpResponse<String>>> reads = IntStream.range(0, 200)
                .mapToObj(i -> api.http()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create(api.base() + "/api/metrics/acme"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses =
                reads.stream().map(CompletableFuture::join).toList();

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ApiClient.json(api.get("/api/metrics/acme"))
                                .get("total")
                                .asLong())
                        .isEqualTo(2000));
        List<String> calls = upstream.findAll(getRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(call -> call.getLoggedDate().toInstant() + " "
                        + call.queryParameter("access_token").firstValue())
                .toList();
        assertThat(calls.stream().filter(call -> call.endsWith(" " + TOKEN)))
                .as("this service's upstream calls; every call to the path, with its token: %s", calls)
                .hasSize(1);
        // Cleans up what it started: a refresh one of the 200 reads asked for, still queued, would
        // otherwise reach the slow stub during the next test of this shared context.
        RefreshIdle.waitFor(camel);
    }
}
