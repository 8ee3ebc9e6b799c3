package dev.socialticker.ticker.store;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.ProviderRouteReplaced;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.caffeine.CaffeineConstants;
import org.springframework.stereotype.Component;

/**
 * Writes refresh outcomes to the snapshot cache. {@code store-snapshot} validates the result a
 * provider returned and replaces the snapshot; {@code store-failure} records a failure beside the
 * last good snapshot, which it never replaces. Which entry is written comes from the refresh's
 * {@link WritePermit}, never from a header a provider route could set. Every write is published
 * by the store itself on the hub; these routes know no subscriber. {@code store-clock} publishes
 * what time alone changes ({@link StaleClock}); {@code store-route-replaced} drops the entity tags
 * of a provider whose route was replaced.
 */
@Component
public class StoreRoutes extends RouteBuilder {
    /** Exchange property of {@code invalidate-cache}: the states just before the invalidation. */
    private static final String PREVIOUS = "TickerPreviousStates";

    private final SnapshotFactory snapshots;
    private final SnapshotStore store;
    private final RefreshMeters metrics;
    private final SourceCatalog catalog;
    private final StaleClock clock;

    StoreRoutes(
            SnapshotFactory snapshots,
            SnapshotStore store,
            RefreshMeters metrics,
            SourceCatalog catalog,
            StaleClock clock) {
        this.clock = clock;
        this.snapshots = snapshots;
        this.store = store;
        this.metrics = metrics;
        this.catalog = catalog;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        from(StoreEndpoints.STORE_SNAPSHOT)
                .routeId("store-snapshot")
                // A rejected payload must reach the refresh route's dead-letter channel untouched.
                .routeConfigurationId(RefreshStepConfiguration.ID)
                .process(this::storeAnswer)
                .process(exchange -> {
                    WritePermit permit = permitOf(exchange);
                    metrics.recordOutcome(permit.source().id(), "success", permit.elapsed());
                    metrics.watchQuota(permit.source());
                });

        from(StoreEndpoints.STORE_FAILURE)
                .routeId("store-failure")
                .routeConfigurationId(RefreshStepConfiguration.ID)
                .process(exchange -> store.recordFailure(permitOf(exchange),
                        exchange.getIn().getMandatoryBody(Failure.class))).id("write-failure")
                .process(exchange -> metrics.recordOutcome(permitOf(exchange).source().id(),
                        exchange.getIn().getBody(Failure.class).code().name(), permitOf(exchange).elapsed()));

        // Forget one source (header TickerSourceId) or all; the next read shows NO_DATA until refreshed.
        from(StoreEndpoints.INVALIDATE)
                .routeId("invalidate-cache")
                .process(exchange -> exchange.setProperty(PREVIOUS,
                        store.statesOf(sourcesOf(exchange.getIn().getHeader(SOURCE_ID, String.class)))))
                .choice()
                    .when(header(SOURCE_ID).isNotNull())
                        .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE))
                    .otherwise()
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE_ALL))
                .end()
                .to(StoreEndpoints.CACHE)
                .process(this::forgotten);

        from(StoreEndpoints.RECONCILE)
                .routeId("store-reconcile")
                .process(exchange -> {
                    List<FleetCopy> copies = exchange.getIn().getMandatoryBody(List.class);
                    copies.forEach(copy -> store.reconcile(copy.source(), copy.shared(), copy.took()));
                });

        from(StoreEndpoints.CLOCK_TIMER)
                .routeId("store-clock-timer")
                .to(StoreEndpoints.CLOCK);

        from(StoreEndpoints.CLOCK)
                .routeId("store-clock")
                .process(exchange -> clock.tick());

        from(EventEndpoints.HUB)
                .routeId("store-route-replaced")
                .filter(body().isInstanceOf(ProviderRouteReplaced.class))
                    .process(exchange -> store.forgetEntityTags(exchange.getIn().getBody(ProviderRouteReplaced.class)))
                .end();
    }
    // spotless:on

    private void storeAnswer(Exchange exchange) {
        WritePermit permit = permitOf(exchange);
        if (!store.storeSnapshot(permit, snapshots.readingOf(exchange.getIn(), permit.source()))) {
            throw new IllegalStateException(
                    "The refresh of source " + permit.source().id()
                            + " had already ended (timed out, or the service is stopping): its answer is dropped");
        }
    }

    @SuppressWarnings("unchecked")
    private void forgotten(Exchange exchange) {
        SourceChanged.Cause cause = Optional.ofNullable(exchange.getIn().getHeader(StoreEndpoints.CAUSE, String.class))
                .map(SourceChanged.Cause::valueOf)
                .orElse(SourceChanged.Cause.INVALIDATED);
        store.forgotten(exchange.getProperty(PREVIOUS, List.class), cause);
    }

    /** The one source named (when configured here), or all of them. */
    private List<TickerSource> sourcesOf(String sourceId) {
        return sourceId == null
                ? catalog.all()
                : catalog.find(sourceId).map(List::of).orElse(List.of());
    }

    private static WritePermit permitOf(Exchange exchange) {
        WritePermit permit = exchange.getProperty(WritePermit.PROPERTY, WritePermit.class);
        if (permit == null) {
            throw new IllegalStateException("Only a refresh writes the store; exchange " + exchange.getExchangeId()
                    + " carries no " + WritePermit.PROPERTY);
        }
        return permit;
    }
}
