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
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Between the web server opening and Camel starting the routes that serve the API, API paths answer
 * 503 with {@code Retry-After: 1}, never Spring's 404. The test holds Camel's start on a latch to
 * look into that window, which otherwise lasts a moment.
 */
class StartingUpTest {
    private final CountDownLatch camelMayStart = new CountDownLatch(1);
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private CompletableFuture<ConfigurableApplicationContext> service;

    @Test
    void apiPathsAnswer503UntilTheRoutesServe() {
        service = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(TickerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("holdCamel", new HoldCamel()))
                .listeners(event -> {
                    if (event instanceof WebServerInitializedEvent web) {
                        port.complete(web.getWebServer().getPort());
                    }
                })
                .run("--server.port=0"));
        ApiClient api = new ApiClient(port.orTimeout(30, TimeUnit.SECONDS).join());

        for (String path : new String[] {"/api/metrics", "/api/metrics/demo", "/api/ui-config"}) {
            HttpResponse<String> starting = api.get(path);
            assertThat(starting.statusCode()).as(path).isEqualTo(503);
            assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(starting.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = ApiClient.json(starting);
            assertThat(body.at("/error/code").asText()).isEqualTo("STARTING");
        }

        camelMayStart.countDown();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(api.get("/api/ui-config").statusCode()).isEqualTo(200));
    }

    @AfterEach
    void stop() {
        camelMayStart.countDown();
        if (service != null) {
            service.orTimeout(60, TimeUnit.SECONDS).join().close();
        }
    }

    /** Keeps Camel from starting its routes until the test lets it. */
    private final class HoldCamel implements CamelContextConfiguration {
        @Override
        public void beforeApplicationStart(CamelContext camelContext) {
            try {
                if (!camelMayStart.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never let Camel start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void afterApplicationStart(CamelContext camelContext) {
            // nothing to do
        }
    }
}
