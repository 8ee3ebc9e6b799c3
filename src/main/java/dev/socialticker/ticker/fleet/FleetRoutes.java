package dev.socialticker.ticker.fleet;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.store.SnapshotStore;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.caffeine.CaffeineConstants;
import org.springframework.stereotype.Component;

/**
 * The shared mode's routes: the changes other instances announce on Redis are applied to this
 * instance's cache ({@code fleet-change}), and every {@value #RESYNC_MILLIS} ms the subscription is
 * (re)started if needed and every source compared with Redis ({@code fleet-resync}). Either ends by rendering the API's view again when
 * this instance's copy changed.
 */
@Component
@SharedMode
class FleetRoutes extends RouteBuilder {
    /**
     * Bounds how long an instance that missed messages (Redis was unreachable) serves an older copy
     * than the fleet: one multi-key read per period, whatever the number of instances.
     */
    static final long RESYNC_MILLIS = 5_000;
    /** Header of a change message: true for a deletion. */
    static final String DELETED = "TickerFleetDeleted";

    private final SharedStateSync sync;
    private final FleetInstance instance;
    private final ChangeListener listener;

    FleetRoutes(SharedStateSync sync, FleetInstance instance, ChangeListener listener) {
        this.sync = sync;
        this.instance = instance;
        this.listener = listener;
    }

    @Override
    public void configure() {
        // First at start-up: listening begins before the first comparison, so nothing falls between.
        from("timer:fleet-resync?period=" + RESYNC_MILLIS + "&delay=0")
                .routeId("fleet-resync")
                .bean(listener, "ensureListening")
                .filter(method(sync, "resync"))
                    .to("direct:render-view")
                .end();

        // Body: a message of the changes channel, "<instance> stored|deleted <source id>".
        from("direct:fleet-change")
                .routeId("fleet-change")
                .filter(this::parse)
                .choice()
                    .when(header(DELETED))
                        // Invalidated on another instance: forgotten here too, through the same cache endpoint.
                        .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE))
                        .to(SnapshotStore.ENDPOINT)
                        .to("direct:render-view")
                    .when(method(sync, "applyStored(${header." + SOURCE_ID + "})"))
                        .to("direct:render-view")
                .end();
    }

    /** Keeps the messages of other instances, with their action and source id as headers. */
    private boolean parse(Exchange exchange) {
        return instance.changeOf(exchange.getIn().getBody(String.class)).map(change -> {
            exchange.getIn().setHeader(DELETED, change.deleted());
            exchange.getIn().setHeader(SOURCE_ID, change.sourceId());
            return true;
        }).orElse(false);
    }
}
