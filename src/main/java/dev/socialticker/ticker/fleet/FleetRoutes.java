package dev.socialticker.ticker.fleet;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The shared mode's routes: this instance's own changes are announced to the others
 * ({@code fleet-announce}); the changes other instances announce are applied to this instance's
 * cache ({@code fleet-change}); and every {@value #RESYNC_MILLIS} ms the subscription is
 * (re)started if needed, the instance says it is alive ({@link FleetMembers}) and every source is
 * compared with Redis ({@code fleet-resync}). A change
 * applied here is announced by the store like any other (cause FLEET), which renders the view and
 * is not announced back.
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
    /** Header of a change message: the refresh's duration, when the message said it. */
    static final String TOOK = "TickerFleetTook";

    private final SharedStateSync sync;
    private final FleetInstance instance;
    private final ChangeListener listener;
    private final FleetMembers roster;

    FleetRoutes(SharedStateSync sync, FleetInstance instance, ChangeListener listener, FleetMembers roster) {
        this.sync = sync;
        this.instance = instance;
        this.listener = listener;
        this.roster = roster;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // First at start-up: listening begins before the first comparison, so nothing falls between.
        from(FleetEndpoints.resyncTimer(RESYNC_MILLIS))
                .routeId("fleet-resync")
                .bean(listener, "ensureListening")
                .bean(roster, "beat")
                .bean(sync, "resync");

        // What this instance changed (a refresh, an invalidation), not what it learnt from the fleet.
        from(EventEndpoints.HUB)
                .routeId("fleet-announce")
                .filter(exchange -> exchange.getIn().getBody() instanceof SourceChanged change && change.local())
                    .to(FleetEndpoints.ANNOUNCE)
                .end();

        from(FleetEndpoints.ANNOUNCE)
                .routeId("fleet-announce-send")
                .process(exchange -> sync.announce(exchange.getIn().getBody(SourceChanged.class)));

        // Body: a message of the changes channel, "<instance> stored|deleted <source id> [<took ms>]".
        from(FleetEndpoints.CHANGE)
                .routeId("fleet-change")
                .filter(this::parse)
                .choice()
                    // Invalidated on another instance: forgotten here too, as the fleet's doing. Unless
                    // Redis holds a state again: a refresh stored one after the deletion, and its
                    // message overtook this one (messages are sent from a queue, in no fixed order).
                    .when(PredicateBuilder.and(header(DELETED),
                            PredicateBuilder.not(method(sync, "isShared(${header." + SOURCE_ID + "})"))))
                        .setHeader(StoreEndpoints.CAUSE, constant(SourceChanged.Cause.FLEET.name()))
                        .to(StoreEndpoints.INVALIDATE)
                    .otherwise()
                        .process(exchange -> sync.applyStored(exchange.getIn().getHeader(SOURCE_ID, String.class),
                                exchange.getIn().getHeader(TOOK, Duration.class)))
                .end();
    }
    // spotless:on

    /** Keeps the messages of other instances, with their action and source id as headers. */
    private boolean parse(Exchange exchange) {
        return instance.changeOf(exchange.getIn().getBody(String.class))
                .map(change -> {
                    exchange.getIn().setHeader(DELETED, change.deleted());
                    exchange.getIn().setHeader(SOURCE_ID, change.sourceId());
                    exchange.getIn().setHeader(TOOK, change.took());
                    return true;
                })
                .orElse(false);
    }
}
