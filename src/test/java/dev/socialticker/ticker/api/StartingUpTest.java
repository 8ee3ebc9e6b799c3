package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.support.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Between the web server opening and Camel starting the routes that serve the API, API paths answer
 * 503 {@code STARTING} with {@code Retry-After: 1}, never a 404; and again {@code STOPPING} while
 * Camel stops them, before the server closes. The tests hold Camel on a latch to look into each
 * window, which otherwise lasts a moment.
 */
class StartingUpTest {
    private final CountDownLatch routesMayStart = new CountDownLatch(1);
    private final CountDownLatch camelMayStop = new CountDownLatch(1);
    private final CompletableFuture<ConfigurableApplicationContext> starting = new CompletableFuture<>();
    private CompletableFuture<ConfigurableApplicationContext> service;

    @Test
    void apiPathsAnswer503UntilTheRoutesServe() {
        service = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(TickerApplication.class)
                .initializers(context -> {
                    context.getBeanFactory()
                            .registerSingleton(
                                    "holdRoutes",
                                    new Hold(CamelEvent.CamelContextRoutesStartingEvent.class, routesMayStart));
                    starting.complete(context);
                })
                .run("--server.port=0"));
        ConfigurableApplicationContext context =
                starting.orTimeout(30, TimeUnit.SECONDS).join();
        // The server publishes its port once it listens, before any route starts.
        int port = await().atMost(Duration.ofSeconds(30))
                .until(() -> context.getEnvironment().getProperty("local.server.port", Integer.class, -1), p -> p > 0);
        ApiClient api = new ApiClient(port);

        for (String path : new String[] {"/api/metrics", "/api/metrics/demo", "/api/ui-config"}) {
            HttpResponse<String> answer = api.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = ApiClient.json(answer);
            assertThat(body.at("/error/code").asText()).isEqualTo("STARTING");
        }

        routesMayStart.countDown();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(api.get("/api/ui-config").statusCode()).isEqualTo(200));
    }

    @Test
    void apiPathsAnswer503WhileCamelStopsAndTheServerIsStillOpen() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TickerApplication.class)
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton(
                                "holdStop", new Hold(CamelEvent.CamelContextRoutesStoppedEvent.class, camelMayStop)))
                .run("--server.port=0");
        ApiClient api = ApiClient.api(context.getEnvironment());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(api.get("/api/ui-config").statusCode()).isEqualTo(200));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = api.get("/api/ui-config");
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(ApiClient.json(answer).at("/error/code").asText()).isEqualTo("STOPPING");
        });

        camelMayStop.countDown();
        closing.orTimeout(60, TimeUnit.SECONDS).join();
    }

    @AfterEach
    void stop() {
        routesMayStart.countDown();
        camelMayStop.countDown();
        if (service != null) {
            service.orTimeout(60, TimeUnit.SECONDS).join().close();
        }
    }

    /** Holds Camel at one event of its start or stop until the test lets it go on. */
    private static final class Hold extends EventNotifierSupport {
        private final Class<? extends CamelEvent> at;
        private final CountDownLatch until;

        Hold(Class<? extends CamelEvent> at, CountDownLatch until) {
            this.at = at;
            this.until = until;
        }

        @Override
        public void notify(CamelEvent event) {
            if (!at.isInstance(event)) {
                return;
            }
            try {
                if (!until.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never let Camel go on past " + at.getSimpleName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
