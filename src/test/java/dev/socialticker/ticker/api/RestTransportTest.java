package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.SharedServiceTest;
import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumerAware;
import org.junit.jupiter.api.Test;

/**
 * The REST DSL's transport, read from the running service (issue 36's card; the packages it needs are
 * checked in the packaged jar by {@code ShippedPackagesIT}): the REST configuration names Camel's
 * platform-http component, and every route the REST DSL made really is consumed by it, on its Vert.x
 * engine, the one measured and chosen (not Camel's servlet, nor platform-http's Spring Boot engine).
 */
class RestTransportTest extends SharedServiceTest {
    /** Where platform-http's Vert.x engine keeps its consumer (camel-platform-http-vertx). */
    static final String VERTX_ENGINE_PACKAGE = "org.apache.camel.component.platform.http.vertx.";

    @Test
    void everyRestRouteIsServedByPlatformHttpOnItsVertxEngine() {
        assertThat(camel.getRestConfiguration().getComponent())
                .as("the REST DSL's component (restConfiguration().component)")
                .isEqualTo("platform-http");

        List<Route> restRoutes =
                camel.getRoutes().stream().filter(Route::isCreatedByRestDsl).toList();
        assertThat(restRoutes)
                .extracting(Route::getRouteId)
                .as("the routes the REST DSL made (each read inlined into its verb's route)")
                .contains("api-get-metrics", "api-get-source", "api-get-ticker");
        assertThat(restRoutes).allSatisfy(route -> {
            assertThat(route.getConsumer().getEndpoint().getEndpointUri())
                    .as("the endpoint consuming route %s", route.getRouteId())
                    .startsWith("platform-http:");
            // platform-http's consumer hands each request to its engine's consumer.
            assertThat(route.getConsumer())
                    .as("the consumer of route %s", route.getRouteId())
                    .isInstanceOfSatisfying(
                            PlatformHttpConsumerAware.class,
                            consumer -> assertThat(consumer.getPlatformHttpConsumer()
                                            .getClass()
                                            .getName())
                                    .as("the engine's consumer of route %s", route.getRouteId())
                                    .startsWith(VERTX_ENGINE_PACKAGE));
        });
    }
}
