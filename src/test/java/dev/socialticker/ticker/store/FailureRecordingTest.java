package dev.socialticker.ticker.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recording a failure beside the last good snapshot is one atomic write: an admin invalidation that
 * lands while a failure is being recorded is never undone. The test parks the recording right before
 * its write (where a read-then-write would already hold the old snapshot), invalidates over HTTP,
 * then lets the recording finish.
 */
class FailureRecordingTest extends SharedServiceTest {
    static final TickerSource SOURCE = SOURCES.get(0);
    /** The step the test weaves in before the write, and takes out again: the application is shared. */
    static final String PARK = "test-park-before-write-failure";

    @Autowired
    SnapshotStore store;

    @Test
    void anInvalidationDuringFailureRecordingIsNeverUndone() throws Exception {
        upstream.stubFor(
                get(urlPathEqualTo(GRAPH_PATH)).willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        refresh(SOURCE);
        assertThat(store.stateOf(SOURCE).snapshot().total()).isEqualTo(267788);

        CountDownLatch atWrite = new CountDownLatch(1);
        CountDownLatch mayWrite = new CountDownLatch(1);
        AdviceWith.adviceWith(
                camel,
                "store-failure",
                route -> route.weaveById("write-failure")
                        .before()
                        .process(exchange -> {
                            atWrite.countDown();
                            if (!mayWrite.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never released the write");
                            }
                        })
                        .id(PARK));
        try {
            upstream.stubFor(
                    get(urlPathEqualTo(GRAPH_PATH)).willReturn(aResponse().withStatus(404)));
            clock.advance(Duration.ofMinutes(1));
            CompletableFuture<Object> failing =
                    producer.asyncSendBody(RefreshEndpoints.REFRESH_SOURCES, List.of(SOURCE));
            assertThat(atWrite.await(30, TimeUnit.SECONDS))
                    .as("the failure reached its write")
                    .isTrue();

            HttpResponse<String> invalidated = api.http()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.base() + "/api/admin/cache/" + SOURCE.id()))
                                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(invalidated.statusCode()).isEqualTo(204);
            mayWrite.countDown();
            await().atMost(Duration.ofSeconds(10)).until(failing::isDone);
        } finally {
            mayWrite.countDown();
            AdviceWith.adviceWith(
                    camel, "store-failure", route -> route.weaveById(PARK).remove());
        }

        SourceState state = store.stateOf(SOURCE);
        assertThat(state.snapshot()).as("the invalidated snapshot stays gone").isNull();
        assertThat(state.failure().code()).isEqualTo(FailureCode.NOT_FOUND);
        HttpResponse<String> read = api.get("/api/metrics/" + SOURCE.id());
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(read).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
