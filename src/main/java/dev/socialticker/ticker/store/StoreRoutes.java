package dev.socialticker.ticker.store;

import static dev.socialticker.ticker.TickerHeaders.SOURCE_ID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.caffeine.CaffeineConstants;
import org.springframework.stereotype.Component;

/**
 * Writes to the snapshot cache through camel-caffeine. {@code store-metrics} validates a provider's
 * answer and replaces the snapshot; {@code store-failure} records a failure beside the last good
 * snapshot, which it never replaces. Both end by publishing the change to the API.
 */
@Component
public class StoreRoutes extends RouteBuilder {
    private static final String FAILURE = "TickerFailure";
    /** Exchange property set once a provider's answer is stored; the refresh route checks it. */
    public static final String STORED = "TickerStored";

    private final SnapshotFactory snapshots;
    private final StoreMetrics metrics;

    StoreRoutes(SnapshotFactory snapshots, StoreMetrics metrics) {
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        // A rejected payload must reach the refresh route's dead-letter channel untouched.
        errorHandler(noErrorHandler());

        from("direct:store-metrics")
                .routeId("store-metrics")
                .process(exchange -> exchange.getIn().setBody(snapshots.fromProviderAnswer(exchange)))
                .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_PUT))
                .to(SnapshotStore.ENDPOINT)
                .setProperty(STORED, constant(true))
                .process(exchange -> metrics.recordOutcome(sourceId(exchange), "success"))
                .to("direct:publish-metrics");

        from("direct:store-failure")
                .routeId("store-failure")
                .setProperty(FAILURE, body())
                .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_GET))
                .to(SnapshotStore.ENDPOINT)
                .process(StoreRoutes::keepSnapshotAddFailure)
                .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_PUT))
                .to(SnapshotStore.ENDPOINT)
                .process(exchange -> metrics.recordOutcome(sourceId(exchange),
                        exchange.getProperty(FAILURE, Failure.class).code().name()))
                .to("direct:publish-metrics");

        // Forget one source (header TickerSourceId) or all; the next read shows NO_DATA until refreshed.
        from("direct:invalidate-cache")
                .routeId("invalidate-cache")
                .choice()
                    .when(header(SOURCE_ID).isNotNull())
                        .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE))
                    .otherwise()
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE_ALL))
                .end()
                .to(SnapshotStore.ENDPOINT)
                .to("direct:publish-metrics");
    }

    private static void keepSnapshotAddFailure(Exchange exchange) {
        SourceState previous = exchange.getIn().getBody(SourceState.class);
        if (previous == null) {
            previous = SourceState.empty(SnapshotFactory.sourceOf(exchange.getIn()));
        }
        exchange.getIn().setBody(previous.withFailure(exchange.getProperty(FAILURE, Failure.class)));
    }

    private static String sourceId(Exchange exchange) {
        return exchange.getIn().getHeader(SOURCE_ID, String.class);
    }
}
