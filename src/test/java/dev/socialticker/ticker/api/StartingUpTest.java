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
 * Between the web server opening (a Camel service, started with Camel's context) and Camel starting
 * the routes that serve the API, API paths answer 503 with {@code Retry-After: 1}, never a 404. The
 * test holds the routes' start on a latch to look into that window, which otherwise lasts a moment.
 */
class StartingUpTest {
    private final CountDownLatch routesMayStart = new CountDownLatch(1);
    private final CompletableFuture<ConfigurableApplicationContext> starting = new CompletableFuture<>();
    private CompletableFuture<ConfigurableApplicationContext> service;

    @Test
    void apiPathsAnswer503UntilTheRoutesServe() {
        service = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(TickerApplication.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("holdRoutes", new HoldRoutes());
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

    @AfterEach
    void stop() {
        routesMayStart.countDown();
        if (service != null) {
            service.orTimeout(60, TimeUnit.SECONDS).join().close();
        }
    }

    /** Keeps Camel from starting its routes until the test lets it (its services, the server, are up). */
    private final class HoldRoutes extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            if (!(event instanceof CamelEvent.CamelContextRoutesStartingEvent)) {
                return;
            }
            try {
                if (!routesMayStart.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never let Camel start its routes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
