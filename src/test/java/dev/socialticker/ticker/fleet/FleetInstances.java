package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.refresh.RefreshHeaders;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Instances of the service in the shared mode, each a whole Spring Boot application on its own
 * random port, sharing one Redis and one upstream (and, when a test gives one, one clock); closed by
 * the test that started them. Public for the fleet's tests in other packages (alerts).
 */
public final class FleetInstances implements AutoCloseable {
    public static final String SOURCE = "instagram-" + UpstreamServiceTest.IG_USER;
    static final String ADMIN_TOKEN = "fleet-admin-token";
    /** The instances' Instagram token: how the test tells their upstream calls from any other. */
    public static final String TOKEN = "fleet-test-token";

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final List<String> common;

    /**
     * @param keyPrefix each test its own, so no test sees another's keys
     */
    public FleetInstances(int redisPort, String upstreamBaseUrl, String keyPrefix, String... settings) {
        common = new ArrayList<>(List.of(
                "--server.port=0",
                "--ticker.store.type=redis",
                "--ticker.store.key-prefix=" + keyPrefix,
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--ticker.sources[0].provider=instagram",
                "--ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
                "--ticker.providers.instagram.access-token=" + TOKEN,
                "--ticker.providers.instagram.base-url=" + upstreamBaseUrl + "/v25.0",
                "--ticker.admin.token=" + ADMIN_TOKEN,
                "--ticker.refresh.retry.backoff=10ms"));
        common.addAll(List.of(settings));
    }

    Instance start(String... more) {
        return start(null, more);
    }

    /**
     * @param clock the instance's "now" (several instances may share one a test moves); null: the
     *              real clock
     */
    public Instance start(Clock clock, String... more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(more));
        SpringApplicationBuilder application = new SpringApplicationBuilder(TickerApplication.class);
        if (clock != null) {
            application.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean(
                            "fleetTestClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        started.add(context);
        return new Instance(context);
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    /** One running instance. */
    public record Instance(ConfigurableApplicationContext context) {
        ApiClient api() {
            return ApiClient.api(context.getEnvironment());
        }

        ApiClient management() {
            return ApiClient.management(context.getEnvironment());
        }

        CamelContext camel() {
            return context.getBean(CamelContext.class);
        }

        /** Refreshes every source as the timer does, and returns when the refreshes have ended. */
        void refreshAsTheTimer() {
            refresh(true);
        }

        /** Refreshes every source as a stale read or the admin API does, and returns when they have ended. */
        public void refreshOnDemand() {
            refresh(false);
        }

        private void refresh(boolean scheduled) {
            ProducerTemplate producer = context.getBean(ProducerTemplate.class);
            producer.send(RefreshEndpoints.REFRESH_SOURCES, exchange -> {
                exchange.setProperty(RefreshHeaders.SCHEDULED, scheduled);
                exchange.getIn().setBody(context.getBean(SourceCatalog.class).all());
            });
        }

        /** The total this instance serves for the source, or -1 when it serves none. */
        long total() {
            HttpResponse<String> response = api().get("/api/metrics/" + SOURCE);
            return response.statusCode() == 200
                    ? ApiClient.json(response).get("total").asLong()
                    : -1;
        }

        int admin(String method, String path) {
            ApiClient api = api();
            try {
                return api.http()
                        .send(
                                HttpRequest.newBuilder(URI.create(api.base() + path))
                                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                        .method(method, HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
